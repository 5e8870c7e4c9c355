// Parsers for single content files, from text already read into memory.
// Used by LoadContent and directly by tests. Each adds problems to `diag`
// with the file name given and the right line/column, and returns what it
// could make of the input (never throws).
//
// Text may start with a UTF-8 byte order mark and use CRLF line ends; both
// are handled here. Columns count characters (UTF-8 code points), 1-based.
#pragma once
#include "content/content.h"
#include <optional>
#include <string_view>

namespace ck {

// If kiosk.json does not list "languages", the result's `languages` is empty:
// LoadContent then offers the language folders that exist.
KioskConfig ParseKioskConfig(std::string_view text, const std::string& file, Diagnostics* diag);

// Markdown page with YAML front matter. nullopt when the page cannot be shown
// (e.g. no title); the reason is in `diag`.
std::optional<Page> ParseMarkdownPage(std::string_view text, const std::string& id,
                                      const std::string& file, Diagnostics* diag);
std::optional<Page> ParseJsonPage(std::string_view text, const std::string& id,
                                  const std::string& file, Diagnostics* diag);

// `*loaded` (when given) is false when the file is not a {"questions": [...]}
// at all, so nothing in it could be read.
std::vector<FaqEntry> ParseFaq(std::string_view text, const std::string& file, Diagnostics* diag,
                               bool* loaded = nullptr);
std::map<std::string, std::vector<std::string>> ParseSynonyms(std::string_view text, const std::string& file,
                                                              Diagnostics* diag);
std::map<std::string, std::string> ParseUiStrings(std::string_view text, const std::string& file,
                                                  Diagnostics* diag);

// ---------------------------------------------------------------------------
// Helpers shared by the parsers and the loader
// ---------------------------------------------------------------------------

// Byte offset -> 1-based line and column (in code points). Built once per file.
class LineIndex {
public:
    explicit LineIndex(std::string_view text);
    int Line(size_t offset) const;
    int Column(size_t offset) const;
    // Offset of the first occurrence of `needle` at or after `from_line`, or npos.
    size_t Find(std::string_view needle, int from_line = 1) const;
    // Line of that occurrence, or 0.
    int FindLine(std::string_view needle, int from_line = 1) const;

private:
    std::string_view text_;             // not owned: the caller keeps the text alive
    std::vector<size_t> line_starts_;
};

// Levenshtein distance, for "did you mean" hints.
int EditDistance(std::string_view a, std::string_view b);
// The closest of `choices` to `word` when it is close enough to be a likely
// typo, else "".
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& choices);
// True for a real calendar date written YYYY-MM-DD.
bool IsIsoDate(std::string_view text);
// True for a language tag of the shape "en", "es", "pt-BR".
bool IsLanguageTag(std::string_view text);
// Built-in English UI strings (key -> text); ui.json keys are checked against these.
const std::map<std::string, std::string>& DefaultUiStrings();

} // namespace ck
