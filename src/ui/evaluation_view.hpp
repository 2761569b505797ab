// The "Evaluatie" screen: does the score find risk? Per saved model version, on the team's own
// batches: the label definition (chosen here, stated next to every figure), precision at the
// batch size, lift against the control sample, estimated recall, AUC, the precision-recall curve,
// calibration for logistic models, a table by score band, and a month-by-month backtest of a
// candidate version against the versions that selected each month, with the Chicago-style replay.
#pragma once

#include "session/session.hpp"
#include "ui/session_names.hpp"
#include "ui/theme.hpp"

namespace radar::ui {

void draw_evaluation_view(Session& state, const Fonts& fonts);

}  // namespace radar::ui
