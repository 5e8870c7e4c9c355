// The checks `carekiosk check` and the staff panel run on loaded content
// beyond what loading itself reports: entries missing in another language,
// pages past their review date, characters no installed font can draw, and
// right-to-left text (not supported: drawn unshaped, left to right). Lives in
// the UI library because font coverage asks fontconfig; no GL is touched.
#pragma once
#include "core/content.h"
#include "core/diagnostics.h"
#include <string>

namespace ck::ui {

void CheckContentCompleteness(const Content& content, const std::string& today, Diagnostics* diagnostics);

// Today's local date as "YYYY-MM-DD".
std::string TodayDate();

} // namespace ck::ui
