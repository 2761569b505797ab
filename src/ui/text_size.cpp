// The text size's stored setting and its choice in the header, described to the page's layer as
// a combo box.
#include "ui/text_size.hpp"

#include <cstdlib>
#include <string>

#include "session/i18n.hpp"
#include "ui/choice_box.hpp"

namespace radar::ui {
namespace {

constexpr const char* text_size_setting = "text_size_percent";
constexpr int text_sizes[] = {100, 125, 150, 200};

std::string size_label(int percent) { return std::string(tr(TextId::text_size_label)) + " " + std::to_string(percent) + "%"; }

}  // namespace

int text_size_percent(const Session& state) {
    const std::string* stored = state.stored_setting(text_size_setting);
    if (!stored) return 100;
    const int percent = std::atoi(stored->c_str());
    for (int size : text_sizes)
        if (size == percent) return size;
    return 100;
}

void draw_text_size_choice(Session& state) {
    const int current = text_size_percent(state);
    const std::string shown = size_label(current);
    if (!begin_choice_box("##text_size", "text-size", tr(TextId::text_size_name), shown.c_str())) return;
    for (int size : text_sizes)
        if (choice_option("text-size", size_label(size).c_str(), size == current) && size != current)
            state.store_setting(text_size_setting, std::to_string(size));
    end_choice_box();
}

}  // namespace radar::ui
