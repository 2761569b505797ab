// A fresh folder under the system temp folder for a test's store, removed at the end of the test.
#pragma once

#include <filesystem>
#include <string>

struct TempFolder {
    std::filesystem::path path;
    explicit TempFolder(const std::string& name)
        : path(std::filesystem::temp_directory_path() / ("radar-store-test-" + name)) {
        std::filesystem::remove_all(path);
    }
    ~TempFolder() { std::filesystem::remove_all(path); }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
};
