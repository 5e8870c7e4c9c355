// Helpers shared by the content tests: diagnostics lookups, files, and a
// temporary folder that removes itself.
#pragma once
#include "base/diagnostics.h"
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace cktest {

namespace fs = std::filesystem;

// Every diagnostic, one formatted line each (for failure messages).
inline std::string AllMessages(const ck::Diagnostics& diag)
{
    std::string out;
    for (const ck::Diagnostic& d : diag.Items())
        out += ck::FormatDiagnostic(d) + "\n";
    return out;
}

// The first diagnostic for `file` ("" = any file) whose message contains `part`, or nullptr.
inline const ck::Diagnostic* Find(const ck::Diagnostics& diag, const std::string& file, const std::string& part)
{
    for (const ck::Diagnostic& d : diag.Items())
        if ((file.empty() || d.file == file) && d.message.find(part) != std::string::npos)
            return &d;
    return nullptr;
}

inline const ck::Diagnostic* Find(const ck::Diagnostics& diag, const std::string& part)
{
    return Find(diag, std::string(), part);
}

inline std::string ReadFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A folder under the system temp directory, removed when the test ends.
// Root() is its "content" sub-folder, created on first Write.
struct TempDir {
    fs::path path;
    TempDir()
    {
        static int counter = 0;
        path = fs::temp_directory_path()
               / ("carekiosk-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir()
    {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    void Write(const std::string& relative, const std::string& bytes) const
    {
        fs::create_directories((path / relative).parent_path());
        std::ofstream(path / relative, std::ios::binary) << bytes;
    }
    std::string Root() const { return (path / "content").generic_string(); }
    std::string Label(const std::string& relative) const { return Root() + "/" + relative; }
};

} // namespace cktest
