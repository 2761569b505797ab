// What only the views keep between frames: drafts being typed, text boxes, dialogs, and the
// report's presentation. The app owns one ViewState and hands it to the main window, which gives
// each screen its part; no view keeps state of its own, and domain state lives in the session.
#pragma once

#include <array>

#include "ui/audit_view.hpp"
#include "ui/batch_list_view.hpp"
#include "ui/demo_workspace_view.hpp"
#include "ui/dictionary_view.hpp"
#include "ui/item_marks.hpp"
#include "ui/model_editor_view.hpp"
#include "ui/outcome_form.hpp"
#include "ui/ranking_view.hpp"
#include "ui/report_view.hpp"
#include "ui/screening_view.hpp"
#include "ui/selection_view.hpp"
#include "ui/shortcuts_dialog.hpp"
#include "ui/storage_view.hpp"
#include "ui/workflow_widgets.hpp"

namespace radar::ui {

struct ViewState {
    ViewMarks marks;                         // widget boxes and the screen, for the app and automation
    RankingViewState ranking;
    std::array<char, 64> profile_name{};     // the import review's "save mapping as" box
    MirroredTextBox screener_name;           // on the selection and screening screens
    SelectionDateBox selection_date;
    CloseDialog close_dialog;
    DictionaryState dictionary;
    EditorState model_editor;
    ScreeningViewState screening;
    OutcomeDraft outcome;
    ReportViewState report;
    AuditViewState audit;
    StorageViewState storage;
    DemoTourState demo_tour;
    ShortcutsDialog shortcuts;
};

}  // namespace radar::ui
