// Parsers for single content files, from text already read into memory.
// Used by LoadContent and directly by tests. Each adds problems to `diag`
// with the file name given and the right line/column, and returns what it
// could make of the input (never throws).
#pragma once
#include "core/content.h"
#include <optional>
#include <string_view>

namespace ck {

KioskConfig ParseKioskConfig(std::string_view text, const std::string& file, Diagnostics* diag);

// Markdown page with YAML front matter. nullopt when the page cannot be shown
// (e.g. no title); the reason is in `diag`.
std::optional<Page> ParseMarkdownPage(std::string_view text, const std::string& id,
                                      const std::string& file, Diagnostics* diag);
std::optional<Page> ParseJsonPage(std::string_view text, const std::string& id,
                                  const std::string& file, Diagnostics* diag);

std::vector<FaqEntry> ParseFaq(std::string_view text, const std::string& file, Diagnostics* diag);
std::map<std::string, std::vector<std::string>> ParseSynonyms(std::string_view text, const std::string& file,
                                                              Diagnostics* diag);
std::map<std::string, std::string> ParseUiStrings(std::string_view text, const std::string& file,
                                                  Diagnostics* diag);

} // namespace ck
