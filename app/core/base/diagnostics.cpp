#include "base/diagnostics.h"
#include <algorithm>

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

void PrintDiagnostics(const Diagnostics& diagnostics, std::FILE* out)
{
    for (const Diagnostic& d : diagnostics.Items())
        std::fprintf(out, "%s\n", FormatDiagnostic(d).c_str());
}

} // namespace ck
