// Sub-commands of the carekiosk executable (their usage: usage.cpp; the
// kiosk and screenshot commands: app/display). Each takes the arguments after
// its name and returns the process exit status (0 ok, 1 failure, 2 usage).
#pragma once
#include <string>
#include <vector>

namespace ck {

using Args = std::vector<std::string>;

constexpr int kUsageStatus = 2;   // the exit status of a usage error

int RunDump(const Args& args);
int RunSearch(const Args& args);
int RunCheck(const Args& args);
int RunSetPin(const Args& args);
int RunReport(const Args& args);
int RunSpeak(const Args& args);

// The default content folder: $CAREKIOSK_CONTENT, else "content" if it exists,
// else the installed share/carekiosk/content.
std::string DefaultContentDir();

// Small shared argument reader: options are "--name value" or "--flag".
class ArgReader {
public:
    explicit ArgReader(const Args& args) : args_(args) {}
    // Value of "--name VALUE"; `present` tells whether the option was given.
    std::string Value(const std::string& name, const std::string& fallback = std::string());
    bool Flag(const std::string& name);
    // --content DIR, else DefaultContentDir().
    std::string ContentDir() { return Value("--content", DefaultContentDir()); }
    // Arguments not consumed by Value/Flag, in order (positional arguments).
    std::vector<std::string> Rest() const;
    // The first problem seen (option without value, unknown option in Rest()), or "".
    std::string Error() const { return error_; }
    // Unknown "--options" left over after all Value/Flag calls.
    std::string UnknownOption() const;
    // Error(), else "unknown option --x", else "": call after all Value/Flag.
    std::string Problem() const;
    // Problem(), else "unexpected argument 'x'" for a positional argument.
    std::string ProblemNoPositional() const;
    // For commands without positional arguments, after all Value/Flag: true
    // (after printing `command`'s usage error) when ProblemNoPositional() has one.
    bool Rejected(const std::string& command) const;

private:
    const Args& args_;
    std::vector<bool> used_ = std::vector<bool>(args_.size(), false);
    std::string error_;
};

// What `dump` and `speak` show of a content folder: --content DIR,
// --page ID or --faq ID, and --lang LANG.
struct ContentTargetArgs {
    bool has_content = false;   // --content was given (dir may still be "")
    std::string dir, page_id, faq_id, lang;
};
ContentTargetArgs ReadContentTarget(const Args& args, ArgReader* reader);

// "1080x1920" -> width/height; false on anything else.
bool ParseSize(const std::string& text, int* width, int* height);


} // namespace ck
