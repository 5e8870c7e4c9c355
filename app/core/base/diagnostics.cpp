#include "base/diagnostics.h"
#include <algorithm>
#include <map>
#include <tuple>

namespace ck {

void Diagnostics::Add(Severity severity, std::string file, int line, int column, std::string message)
{
    items_.push_back(Diagnostic{std::move(file), line, column, severity, std::move(message)});
}

void Diagnostics::Error(std::string file, int line, int column, std::string message)
{
    Add(Severity::Error, std::move(file), line, column, std::move(message));
}

void Diagnostics::Warning(std::string file, int line, int column, std::string message)
{
    Add(Severity::Warning, std::move(file), line, column, std::move(message));
}

void Diagnostics::Append(const Diagnostics& other)
{
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

int Diagnostics::ErrorCount() const
{
    return static_cast<int>(std::count_if(items_.begin(), items_.end(),
                                          [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

int Diagnostics::WarningCount() const
{
    return static_cast<int>(items_.size()) - ErrorCount();
}

std::string FormatDiagnostic(const Diagnostic& d)
{
    std::string out = d.file.empty() ? std::string("<input>") : d.file;
    if (d.line > 0) {
        out += ':' + std::to_string(d.line);
        if (d.column > 0)
            out += ':' + std::to_string(d.column);
    }
    out += d.severity == Severity::Error ? ": error: " : ": warning: ";
    out += d.message;
    return out;
}

std::string GroupDigits(size_t count)
{
    std::string digits = std::to_string(count);
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(static_cast<size_t>(at), " ");
    return digits;
}

namespace {

// The message with what it quotes and its numbers blanked: diagnostics with
// the same shape are the same problem about different items.
std::string Shape(const std::string& message)
{
    std::string shape;
    bool quoted = false;
    for (char c : message) {
        if (c == '"') {
            quoted = !quoted;
            shape += c;
        } else if (!quoted) {
            if (c >= '0' && c <= '9') {
                if (shape.empty() || shape.back() != '#')
                    shape += '#';
            } else {
                shape += c;
            }
        }
    }
    return shape;
}

} // namespace

std::vector<Diagnostic> FoldRepeats(const std::vector<Diagnostic>& items)
{
    using Key = std::tuple<std::string, Severity, std::string>;
    std::map<Key, size_t> totals;
    for (const Diagnostic& d : items)
        totals[Key(d.file, d.severity, Shape(d.message))]++;
    std::map<Key, size_t> seen;
    std::vector<Diagnostic> shown;
    for (const Diagnostic& d : items) {
        const Key key(d.file, d.severity, Shape(d.message));
        const size_t total = totals[key];
        const size_t index = seen[key]++;
        if (total <= kFoldAbove || index < kFoldShown) {
            shown.push_back(d);
        } else if (index == kFoldShown) {
            Diagnostic more{d.file, 0, 0, d.severity,
                            "... and " + GroupDigits(total - kFoldShown) + " more like the "
                                + std::to_string(kFoldShown) + " above"};
            shown.push_back(std::move(more));
        }
    }
    return shown;
}

void PrintDiagnostics(const Diagnostics& diagnostics, std::FILE* out)
{
    for (const Diagnostic& d : FoldRepeats(diagnostics.Items()))
        std::fprintf(out, "%s\n", FormatDiagnostic(d).c_str());
}

} // namespace ck
