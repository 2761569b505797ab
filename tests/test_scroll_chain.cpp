// Scroll chaining (issue #21): a list at its end hands the wheel to the window around it, as
// browsers do, skipping the children ImGui skips; a list that can still move keeps it.
#include <doctest/doctest.h>

#include "app/scroll_chain.hpp"

using radar::app::chained_scroll;
using radar::app::ScrollAxis;
using radar::app::ScrollBox;

namespace {

constexpr float wheel_down = -1.0f;
constexpr float wheel_up = 1.0f;

// A scrolling list with 13-pixel text in a 300-pixel view: ImGui's step is 65 pixels.
ScrollBox list_at(float scroll) { return ScrollBox{scroll, 2000.0f, 13.0f, 300.0f}; }
// The main window of a short window, 120 pixels of it below the view; a step there is 65 too.
ScrollBox window_at(float scroll) { return ScrollBox{scroll, 120.0f, 13.0f, 400.0f}; }
// The "screen" child between them: it never scrolls and hands the wheel on.
ScrollBox screen_child() {
    ScrollBox screen{0.0f, 0.0f, 13.0f, 500.0f};
    screen.no_scroll_with_mouse = true;
    return screen;
}

}  // namespace

TEST_CASE("a list that can still move keeps the wheel") {
    CHECK_FALSE(chained_scroll({list_at(0.0f), screen_child(), window_at(0.0f)}, ScrollAxis::vertical, wheel_down));
    CHECK_FALSE(chained_scroll({list_at(500.0f), screen_child(), window_at(60.0f)}, ScrollAxis::vertical, wheel_up));
}

TEST_CASE("a list at its end hands the wheel to the window, past the child that ignores it") {
    const auto down = chained_scroll({list_at(2000.0f), screen_child(), window_at(0.0f)}, ScrollAxis::vertical, wheel_down);
    REQUIRE(down);
    CHECK(down->window == 2);
    CHECK(down->scroll == doctest::Approx(65.0));

    const auto up = chained_scroll({list_at(0.0f), screen_child(), window_at(100.0f)}, ScrollAxis::vertical, wheel_up);
    REQUIRE(up);
    CHECK(up->window == 2);
    CHECK(up->scroll == doctest::Approx(35.0));
}

TEST_CASE("the window stops at its own end, and within a pixel of an end counts as there") {
    const auto last = chained_scroll({list_at(1999.4f), screen_child(), window_at(100.0f)}, ScrollAxis::vertical, wheel_down);
    REQUIRE(last);
    CHECK(last->scroll == doctest::Approx(120.0));
    CHECK_FALSE(chained_scroll({list_at(2000.0f), screen_child(), window_at(120.0f)}, ScrollAxis::vertical, wheel_down));
    CHECK_FALSE(chained_scroll({list_at(0.0f), screen_child(), window_at(0.0f)}, ScrollAxis::vertical, wheel_up));
}

TEST_CASE("half a step from a trackpad moves the window half as far") {
    const auto swipe = chained_scroll({list_at(2000.0f), window_at(0.0f)}, ScrollAxis::vertical, -0.5f);
    REQUIRE(swipe);
    CHECK(swipe->scroll == doctest::Approx(32.5));
}

TEST_CASE("a child with nothing to scroll is ImGui's to pass on, not a list at its end") {
    const ScrollBox label{0.0f, 0.0f, 13.0f, 40.0f};
    CHECK_FALSE(chained_scroll({label, list_at(300.0f), window_at(0.0f)}, ScrollAxis::vertical, wheel_down));
    const auto passed = chained_scroll({label, list_at(2000.0f), window_at(0.0f)}, ScrollAxis::vertical, wheel_down);
    REQUIRE(passed);
    CHECK(passed->window == 2);
}

TEST_CASE("nested lists chain outwards one at a time") {
    const auto middle = chained_scroll({list_at(2000.0f), list_at(100.0f), window_at(0.0f)}, ScrollAxis::vertical, wheel_down);
    REQUIRE(middle);
    CHECK(middle->window == 1);
    const auto outer = chained_scroll({list_at(2000.0f), list_at(2000.0f), window_at(0.0f)}, ScrollAxis::vertical, wheel_down);
    REQUIRE(outer);
    CHECK(outer->window == 2);
}

TEST_CASE("a window that takes no mouse input ends the chain; the wheel does nothing there, as in ImGui") {
    ScrollBox deaf = window_at(0.0f);
    deaf.no_mouse_inputs = true;
    CHECK_FALSE(chained_scroll({list_at(2000.0f), deaf}, ScrollAxis::vertical, wheel_down));
    ScrollBox fixed_list = list_at(2000.0f);
    fixed_list.no_scroll_with_mouse = true;
    fixed_list.no_mouse_inputs = true;
    CHECK_FALSE(chained_scroll({fixed_list, window_at(0.0f)}, ScrollAxis::vertical, wheel_down));
}

TEST_CASE("across, a step is two lines and at most two thirds of the view") {
    const ScrollBox wide_table{600.0f, 600.0f, 13.0f, 300.0f};
    const ScrollBox narrow_window{0.0f, 200.0f, 13.0f, 30.0f};
    const auto right = chained_scroll({wide_table, narrow_window}, ScrollAxis::horizontal, wheel_down);
    REQUIRE(right);
    CHECK(right->scroll == doctest::Approx(20.0));
    const ScrollBox wider_window{0.0f, 200.0f, 13.0f, 400.0f};
    CHECK(chained_scroll({wide_table, wider_window}, ScrollAxis::horizontal, wheel_down)->scroll == doctest::Approx(26.0));
}

TEST_CASE("no wheel, or nothing under the pointer, changes nothing") {
    CHECK_FALSE(chained_scroll({list_at(2000.0f), window_at(0.0f)}, ScrollAxis::vertical, 0.0f));
    CHECK_FALSE(chained_scroll({}, ScrollAxis::vertical, wheel_down));
}
