// Diagnostics: problems found in content, reported as data (never thrown).
// Every loader returns its value plus a list of these; `check`, the staff
// panel and the console print them in compiler style:
//     content/en/pages/aftercare.md:12:3: error: the page has no title
#pragma once
#include <cstdio>
#include <string>
#include <vector>

namespace ck {

enum class Severity { Warning, Error };

struct Diagnostic {
    std::string file;      // path as given to the loader (content-root relative where possible)
    int line = 0;          // 1-based; 0 = whole file
    int column = 0;        // 1-based; 0 = unknown
    Severity severity = Severity::Error;
    std::string message;   // plain English, for clinic staff
};

class Diagnostics {
public:
    void Add(Severity severity, std::string file, int line, int column, std::string message);
    void Error(std::string file, int line, int column, std::string message);
    void Warning(std::string file, int line, int column, std::string message);
    void Append(const Diagnostics& other);

    const std::vector<Diagnostic>& Items() const { return items_; }
    int ErrorCount() const;
    int WarningCount() const;
    bool Empty() const { return items_.empty(); }

private:
    std::vector<Diagnostic> items_;
};

// "file:line:col: error: message" (line/col omitted when 0).
std::string FormatDiagnostic(const Diagnostic& d);

// The items to show a person, with long runs of one problem folded: when
// more than kFoldAbove diagnostics of one file differ only in what they
// quote or count ("the question "a" has no "fr" version" ...), the first
// kFoldShown stay where they are and the next one says how many more there
// are. 20 000 missing translations read as three lines and a count.
constexpr size_t kFoldAbove = 5;
constexpr size_t kFoldShown = 3;
std::vector<Diagnostic> FoldRepeats(const std::vector<Diagnostic>& items);

// 19997 -> "19 997": counts in messages, grouped so they read at a glance.
std::string GroupDigits(size_t count);

// Every item, FormatDiagnostic'd and folded (FoldRepeats), one a line: the
// one way diagnostics reach a console.
void PrintDiagnostics(const Diagnostics& diagnostics, std::FILE* out);

} // namespace ck
