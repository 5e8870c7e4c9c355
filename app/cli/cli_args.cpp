// ArgReader and the small helpers every sub-command shares.
#include "commands.h"
#include "usage.h"

#include <algorithm>
#include <cstdlib>
#include <sys/stat.h>

namespace ck {

std::string ArgReader::Value(const std::string& name, const std::string& fallback)
{
    for (size_t i = 0; i < args_.size(); i++) {
        if (used_[i] || args_[i] != name)
            continue;
        used_[i] = true;
        if (i + 1 >= args_.size()) {
            if (error_.empty())
                error_ = "option " + name + " needs a value";
            return fallback;
        }
        used_[i + 1] = true;
        return args_[i + 1];
    }
    return fallback;
}

bool ArgReader::Flag(const std::string& name)
{
    for (size_t i = 0; i < args_.size(); i++) {
        if (!used_[i] && args_[i] == name) {
            used_[i] = true;
            return true;
        }
    }
    return false;
}

std::vector<std::string> ArgReader::Rest() const
{
    std::vector<std::string> rest;
    for (size_t i = 0; i < args_.size(); i++)
        if (!used_[i])
            rest.push_back(args_[i]);
    return rest;
}

std::string ArgReader::UnknownOption() const
{
    for (size_t i = 0; i < args_.size(); i++)
        if (!used_[i] && args_[i].size() > 2 && args_[i].compare(0, 2, "--") == 0)
            return args_[i];
    return std::string();
}

std::string ArgReader::Problem() const
{
    if (!error_.empty())
        return error_;
    const std::string unknown = UnknownOption();
    return unknown.empty() ? std::string() : "unknown option " + unknown;
}

std::string ArgReader::ProblemNoPositional() const
{
    const std::string problem = Problem();
    if (!problem.empty())
        return problem;
    const std::vector<std::string> rest = Rest();
    return rest.empty() ? std::string() : "unexpected argument '" + rest.front() + "'";
}

bool ArgReader::Rejected(const std::string& command) const
{
    const std::string problem = ProblemNoPositional();
    if (!problem.empty())
        UsageError(command, problem);
    return !problem.empty();
}

ContentTargetArgs ReadContentTarget(const Args& args, ArgReader* reader)
{
    ContentTargetArgs target;
    target.has_content = std::find(args.begin(), args.end(), "--content") != args.end();
    target.dir = reader->Value("--content");
    target.page_id = reader->Value("--page");
    target.faq_id = reader->Value("--faq");
    target.lang = reader->Value("--lang");
    return target;
}

bool ParseSize(const std::string& text, int* width, int* height)
{
    const size_t x = text.find('x');
    if (x == std::string::npos || x == 0 || x + 1 >= text.size())
        return false;
    char* end = nullptr;
    const long w = std::strtol(text.c_str(), &end, 10);
    if (end != text.c_str() + x)
        return false;
    const long h = std::strtol(text.c_str() + x + 1, &end, 10);
    if (*end != '\0' || w < 64 || h < 64 || w > 16384 || h > 16384)
        return false;
    *width = static_cast<int>(w);
    *height = static_cast<int>(h);
    return true;
}

static bool IsDirectory(const std::string& path)
{
    struct stat st;
    return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string DefaultContentDir()
{
    if (const char* env = std::getenv("CAREKIOSK_CONTENT"); env && *env)
        return env;
    if (IsDirectory("content"))
        return "content";
    return CAREKIOSK_INSTALL_CONTENT_DIR;
}

} // namespace ck
