// Content checks beyond loading, which staff run (carekiosk check) and the
// kiosk logs: missing translations, overdue reviews, characters no font
// draws. See content_check.h and content.h.
#include "content/content_check.h"

#include "base/unicode.h"
#include "content/content_parse.h"
#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace ck {

namespace {

struct TextSource {
    std::string file;
    int line = 0;
    std::string text;
};

std::vector<TextSource> Sources(const Content& content)
{
    // Paths as the loader reports them: the content folder as given, then the file.
    const std::string root = content.root.empty() ? std::string() : content.root + "/";
    std::vector<TextSource> sources;
    sources.push_back({root + "kiosk.json", 0, content.config.clinic_name});
    for (const LanguageContent& lang : content.languages) {
        for (const Page& page : lang.pages)
            sources.push_back({root + page.source, 0, page.title + "\n" + page.summary + "\n" + page.owner + "\n"
                                                   + DocumentPlainText(page.doc)});
        for (const FaqEntry& entry : lang.faq)
            sources.push_back({root + lang.lang + "/faq.json", entry.line,
                               entry.question + "\n" + DocumentPlainText(entry.answer)});
        std::string ui_text;
        for (const auto& [key, value] : lang.ui)
            ui_text += value + "\n";
        if (!ui_text.empty())
            sources.push_back({root + lang.lang + "/ui.json", 0, ui_text});
    }
    return sources;
}

std::string Labels(const std::vector<char32_t>& characters)
{
    constexpr size_t kMaxListed = 8;
    std::string out;
    for (size_t i = 0; i < characters.size() && i < kMaxListed; i++)
        out += (i ? " " : "") + CodepointLabel(characters[i]);
    if (characters.size() > kMaxListed)
        out += " and " + std::to_string(characters.size() - kMaxListed) + " more";
    return out;
}

} // namespace

void CheckContentCompleteness(const Content& content, const std::string& today, const GlyphCoverage* fonts,
                              Diagnostics* diagnostics)
{
    CheckTranslations(content, diagnostics);
    CheckReviewDates(content, today, diagnostics);

    // One fontconfig pass over all the text, then each file's share of it.
    const std::vector<TextSource> sources = Sources(content);
    std::string all;
    for (const TextSource& source : sources)
        all += source.text + "\n";
    const std::vector<char32_t> uncovered = fonts ? fonts->Uncovered(all) : std::vector<char32_t>();
    for (const TextSource& source : sources) {
        if (!uncovered.empty()) {
            std::vector<char32_t> mine;
            for (char32_t c : DistinctCharacters(source.text))
                if (std::binary_search(uncovered.begin(), uncovered.end(), c))
                    mine.push_back(c);
            if (!mine.empty())
                diagnostics->Warning(source.file, source.line, 0,
                                     "no installed font can draw " + Labels(mine)
                                         + "; patients see empty boxes there");
        }
        if (ContainsRightToLeft(source.text))
            diagnostics->Warning(source.file, source.line, 0,
                                 "right-to-left text (Arabic, Hebrew ...) is not supported: the kiosk would draw it "
                                 "left to right with unjoined letters");
    }
}

void CheckTranslations(const Content& content, Diagnostics* diag)
{
    const LanguageContent* base = content.Language(content.config.default_language);
    if (!base)
        return;
    const fs::path root(content.root);
    for (const LanguageContent& language : content.languages) {
        if (&language == base)
            continue;
        const auto& failed = language.failed_pages;
        for (const Page& page : base->pages)
            if (!language.FindPage(page.id) && std::find(failed.begin(), failed.end(), page.id) == failed.end())
                diag->Warning((root / language.lang / "pages").generic_string(), 0, 0,
                              "the page \"" + page.id + "\" has no \"" + language.lang + "\" version; patients see the \""
                                  + base->lang + "\" one");
        if (language.faq_failed && !base->faq.empty()) {
            diag->Warning((root / language.lang / "faq.json").generic_string(), 0, 0,
                          "because this file did not load, patients of \"" + language.lang + "\" see "
                              + (base->faq.size() == 1 ? std::string("the question")
                                                       : "all " + GroupDigits(base->faq.size()) + " questions")
                              + " in \"" + base->lang + "\" until it is fixed");
            continue;
        }
        for (const FaqEntry& entry : base->faq)
            if (!language.FindFaq(entry.id))
                diag->Warning((root / language.lang / "faq.json").generic_string(), 0, 0,
                              "the question \"" + entry.id + "\" has no \"" + language.lang
                                  + "\" version; patients see the \"" + base->lang + "\" one");
    }
}

// Days since 1970-01-01 of a YYYY-MM-DD date (proleptic Gregorian calendar).
static long DaysSinceEpoch(const std::string& date)
{
    int year = std::stoi(date.substr(0, 4));
    const int month = std::stoi(date.substr(5, 2));
    const int day = std::stoi(date.substr(8, 2));
    year -= month <= 2 ? 1 : 0;
    const int era = year / 400;
    const int year_of_era = year - era * 400;
    const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return static_cast<long>(era) * 146097 + day_of_era - 719468;
}

void CheckReviewDates(const Content& content, const std::string& today, Diagnostics* diag)
{
    if (!IsIsoDate(today))
        return;
    const long now = DaysSinceEpoch(today);
    const int period = content.config.review_period_days;
    for (const LanguageContent& language : content.languages)
        for (const Page& page : language.pages)
            if (!page.reviewed.empty() && now - DaysSinceEpoch(page.reviewed) > period)
                diag->Warning((fs::path(content.root) / page.source).generic_string(), 0, 0,
                              "the page was last reviewed on " + page.reviewed + ", more than "
                                  + std::to_string(period) + " days ago: check it and update \"reviewed\"");
}

} // namespace ck
