// Sub-commands of the carekiosk executable. Each takes the arguments after
// its name and returns the process exit status (0 ok, 1 failure, 2 usage).
#pragma once
#include <string>
#include <vector>

namespace ck {

using Args = std::vector<std::string>;

int RunKiosk(const Args& args);        // carekiosk [--content DIR] [--windowed] [--size WxH] [--script FILE]
int RunScreenshot(const Args& args);   // carekiosk screenshot --content DIR --size WxH --out F.png [--page ID | --screen S]
int RunDump(const Args& args);         // carekiosk dump --content DIR --page ID [--lang L] | dump FILE.md
int RunSearch(const Args& args);       // carekiosk search --content DIR [--lang L] [--json] [--stdin] [QUERY]
int RunCheck(const Args& args);        // carekiosk check --content DIR [--strict]
int RunSetPin(const Args& args);       // carekiosk set-pin --content DIR [--clear] (PIN twice on stdin)
int RunReport(const Args& args);       // carekiosk report --content DIR [--days N] [--json] [--cache-dir D]
int RunSpeak(const Args& args);        // carekiosk speak --content DIR (--page ID | --faq ID) [--lang L] --out F.wav

// Small shared argument reader: options are "--name value" or "--flag".
class ArgReader {
public:
    explicit ArgReader(const Args& args) : args_(args) {}
    // Value of "--name VALUE"; `present` tells whether the option was given.
    std::string Value(const std::string& name, const std::string& fallback = std::string());
    bool Flag(const std::string& name);
    // Arguments not consumed by Value/Flag, in order (positional arguments).
    std::vector<std::string> Rest() const;
    // The first problem seen (option without value, unknown option in Rest()), or "".
    std::string Error() const { return error_; }
    // Unknown "--options" left over after all Value/Flag calls.
    std::string UnknownOption() const;
    // Error(), else "unknown option --x", else "": call after all Value/Flag.
    std::string Problem() const;

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

// The default content folder: $CAREKIOSK_CONTENT, else "content" if it exists,
// else the installed share/carekiosk/content.
std::string DefaultContentDir();

// The insights database in `cache_dir` ("" = the default cache folder, as
// for the search index); "" when there is no cache folder (cmd_report.cpp).
std::string InsightsPath(const std::string& cache_dir);

} // namespace ck
