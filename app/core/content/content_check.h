// The checks `carekiosk check` and the staff panel run on loaded content
// beyond what loading itself reports: entries missing in another language,
// pages past their review date, characters no installed font can draw, and
// right-to-left text (not supported: drawn unshaped, left to right).
//
// Which characters the fonts can draw is asked through GlyphCoverage, so
// this stays free of any font library: the command line and the kiosk pass
// the fontconfig answer (fonts/font_coverage.h), tests pass their own.
#pragma once
#include "base/diagnostics.h"
#include "content/content.h"
#include <string>
#include <vector>

namespace ck {

class GlyphCoverage {
public:
    virtual ~GlyphCoverage() = default;
    // The distinct visible characters of `text` no installed font draws, sorted.
    virtual std::vector<char32_t> Uncovered(const std::string& text) const = 0;
};

// `fonts` may be null: the font check is then skipped.
void CheckContentCompleteness(const Content& content, const std::string& today, const GlyphCoverage* fonts,
                              Diagnostics* diagnostics);

} // namespace ck
