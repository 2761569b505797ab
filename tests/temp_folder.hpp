// A fresh folder under the system temp folder for a test's store, removed at the end of the test
// (named by the process too: test runs side by side must not share one), and whether the folder
// store's writer election by lock can be tested here.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

struct TempFolder {
    std::filesystem::path path;
    explicit TempFolder(const std::string& name)
        : path(std::filesystem::temp_directory_path() /
               ("radar-store-test-" + std::to_string(::getpid()) + "-" + name)) {
        std::filesystem::remove_all(path);
    }
    ~TempFolder() { std::filesystem::remove_all(path); }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
};

// Emscripten's flock is a no-op, so the writer election by lock is only tested natively.
#ifdef __EMSCRIPTEN__
constexpr bool without_process_locks = true;
#else
constexpr bool without_process_locks = false;
#endif
