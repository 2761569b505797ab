// The mouse wheel as ImGui expects it: one notch is one step, upwards is positive, whatever unit
// the browser reports (issue #22: the wheel scrolled the wrong way, a hundred rows a notch).
#include <doctest/doctest.h>

#include "platform/wheel_steps.hpp"

using radar::platform::wheel_steps;

TEST_CASE("one wheel notch is one step in the right direction, in pixels, lines and pages") {
    // Chromium: 100 pixels per notch, positive when the wheel turns towards the user (down).
    CHECK(wheel_steps(0, 100, 0).vertical == doctest::Approx(-1.0));
    CHECK(wheel_steps(0, -100, 0).vertical == doctest::Approx(1.0));
    // Firefox: three lines per notch.
    CHECK(wheel_steps(0, 3, 1).vertical == doctest::Approx(-1.0));
    CHECK(wheel_steps(0, -3, 1).vertical == doctest::Approx(1.0));
    // A page is one and a half steps.
    CHECK(wheel_steps(0, 1, 2).vertical == doctest::Approx(-1.5));
    // Horizontal: towards the right is negative for ImGui.
    CHECK(wheel_steps(100, 0, 0).horizontal == doctest::Approx(-1.0));
    CHECK(wheel_steps(100, 0, 0).vertical == 0.0f);
}

TEST_CASE("trackpad deltas give fractions of a step; an unknown mode counts as pixels") {
    CHECK(wheel_steps(0, 4, 0).vertical == doctest::Approx(-0.04));
    CHECK(wheel_steps(0, -2.5, 0).vertical == doctest::Approx(0.025));
    CHECK(wheel_steps(0, 100, 7).vertical == doctest::Approx(-1.0));
}
