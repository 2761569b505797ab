// A value or a message saying why there is none: how the core returns errors to its callers
// (no exception ever crosses the core's boundary).
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace radar {

template <typename T>
class Checked {
public:
    Checked(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose, like optional
    static Checked failure(std::string message) {
        Checked result;
        result.error_ = std::move(message);
        return result;
    }

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const { return *value_; }
    T& value() { return *value_; }
    const T& operator*() const { return *value_; }
    T& operator*() { return *value_; }
    const T* operator->() const { return &*value_; }
    T* operator->() { return &*value_; }
    const std::string& error() const { return error_; }

private:
    Checked() = default;
    std::optional<T> value_;
    std::string error_;
};

}  // namespace radar
