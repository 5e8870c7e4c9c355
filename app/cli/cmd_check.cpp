// carekiosk check --content DIR [--strict]: loads the content folder as the
// kiosk would and prints every problem in compiler style, so staff (and CI)
// can fix content before patients see it.
#include "commands.h"
#include "usage.h"
#include "content/content.h"
#include "fonts/font_coverage.h"
#include "media/media_probe.h"
#include <cstdio>
#include <ctime>

namespace ck {

static std::string Plural(int count, const char* one, const char* many)
{
    return GroupDigits(static_cast<size_t>(count)) + " " + (count == 1 ? one : many);
}

int RunCheck(const Args& args)
{
    ArgReader reader(args);
    const std::string dir = reader.ContentDir();
    const bool strict = reader.Flag("--strict");
    if (reader.Rejected("check"))
        return kUsageStatus;

    LoadResult result = LoadContent(dir);
    // Translations, review dates, characters no font can draw, right-to-left text.
    const FontconfigCoverage fonts;
    CheckContentCompleteness(*result.content, LocalToday(), &fonts, &result.diagnostics);
    const std::map<std::string, MediaInfo> clips = CheckVideos(*result.content, &result.diagnostics);   // libmpv
    PrintDiagnostics(result.diagnostics, stdout);
    for (const auto& [key, info] : clips)
        std::printf("video %s: %s\n", key.c_str(), DescribeMedia(info).c_str());

    int pages = 0, questions = 0;
    for (const LanguageContent& language : result.content->languages) {
        pages += static_cast<int>(language.pages.size());
        questions += static_cast<int>(language.faq.size());
    }
    const int errors = result.diagnostics.ErrorCount();
    const int warnings = result.diagnostics.WarningCount();
    std::printf("checked %s and %s in %s: %s, %s\n", Plural(pages, "page", "pages").c_str(),
                Plural(questions, "question", "questions").c_str(),
                Plural(static_cast<int>(result.content->languages.size()), "language", "languages").c_str(),
                Plural(errors, "error", "errors").c_str(), Plural(warnings, "warning", "warnings").c_str());
    return errors > 0 || (strict && warnings > 0) ? 1 : 0;
}

} // namespace ck
