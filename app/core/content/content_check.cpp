// Content checks beyond loading. See content_check.h.
#include "content/content_check.h"

#include "base/unicode.h"
#include <algorithm>

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

} // namespace ck
