// Loading the content folder for the kiosk or a screenshot: diagnostics go
// to stderr and, when there is nothing to show, a line on what staff must fix.
#pragma once
#include "base/diagnostics.h"
#include "content/content.h"
#include "font_atlas_job.h"
#include <future>
#include <memory>
#include <string>

namespace ck {

// Null (after printing why) only when the folder does not exist. The
// diagnostics are also appended to `diagnostics` when given.
std::shared_ptr<const Content> LoadKioskContent(const std::string& dir, Diagnostics* diagnostics = nullptr);

struct LoadedKioskContent {
    std::shared_ptr<const Content> content;   // null when the folder does not exist
    Diagnostics diagnostics;
    PreparedFonts fonts;
};

// LoadKioskContent on a worker thread, for start-up: the content folder and
// the window are independent, so the caller opens its window and GL context
// (a third of the time to the first frame) while the content loads. Once
// `short_side` is ready (the window's shorter side; 0 = do not build fonts)
// the worker also builds the first font atlas for it, the other third.
// get() the result before using the content. When the folder does not exist
// it says so at once and returns an invalid future, so no window opens for
// nothing.
std::future<LoadedKioskContent> LoadKioskContentAsync(const std::string& dir,
                                                      std::shared_future<int> short_side = {});

} // namespace ck
