// The content model's queries (pages and questions with their fallback to
// the default language, home tiles) and the kiosk's own UI strings. Loading
// is in content_load*.cpp, the staff checks in content_check.cpp.
#include "content/content.h"
#include "content/content_parse.h"
#include <algorithm>

namespace ck {

//-----------------------------------------------------------------------------
// [SECTION] Content queries
//-----------------------------------------------------------------------------

template <typename Item>
static const Item* FindById(const std::vector<Item>& items, const std::string& id)
{
    for (const Item& item : items)
        if (item.id == id)
            return &item;
    return nullptr;
}

const Page* LanguageContent::FindPage(const std::string& id) const
{
    return FindById(pages, id);
}

const FaqEntry* LanguageContent::FindFaq(const std::string& id) const
{
    return FindById(faq, id);
}

const LanguageContent* Content::Language(const std::string& lang) const
{
    for (const LanguageContent& language : languages)
        if (language.lang == lang)
            return &language;
    return nullptr;
}

// `find` in `lang`, else in the default language (`*fell_back` set true).
template <typename Item>
static const Item* FindWithFallback(const Content& content, const std::string& lang, const std::string& id,
                                    const Item* (LanguageContent::*find)(const std::string&) const, bool* fell_back)
{
    if (fell_back)
        *fell_back = false;
    const LanguageContent* wanted = content.Language(lang);
    if (wanted)
        if (const Item* item = (wanted->*find)(id))
            return item;
    const LanguageContent* fallback = content.Language(content.config.default_language);
    if (!fallback || fallback == wanted)
        return nullptr;
    const Item* item = (fallback->*find)(id);
    if (item && fell_back)
        *fell_back = true;
    return item;
}

const Page* Content::FindPage(const std::string& lang, const std::string& id, bool* fell_back) const
{
    return FindWithFallback(*this, lang, id, &LanguageContent::FindPage, fell_back);
}

const FaqEntry* Content::FindFaq(const std::string& lang, const std::string& id, bool* fell_back) const
{
    return FindWithFallback(*this, lang, id, &LanguageContent::FindFaq, fell_back);
}

const VideoData* Content::Video(const std::string& key) const
{
    auto it = videos.find(key);
    return it == videos.end() ? nullptr : it->second.get();
}

const Captions* VideoData::CaptionsFor(const std::string& lang) const
{
    auto it = captions.find(lang);
    if (it == captions.end())
        it = captions.find(std::string());
    return it == captions.end() ? nullptr : &it->second;
}

const ImageData* Content::Image(const std::string& key) const
{
    auto it = images.find(key);
    return it == images.end() ? nullptr : it->second.get();
}

std::vector<std::string> Content::HomeTiles(const std::string& lang) const
{
    const LanguageContent* wanted = Language(lang);
    const LanguageContent* fallback = Language(config.default_language);
    const bool has_faq = (wanted && !wanted->faq.empty()) || (fallback && !fallback->faq.empty());
    std::vector<std::string> tiles;
    auto add = [&](const std::string& id) {
        if (std::find(tiles.begin(), tiles.end(), id) == tiles.end())
            tiles.push_back(id);
    };
    for (const std::string& id : config.home_tiles) {
        if (id == "faq" ? has_faq : FindPage(lang, id) != nullptr)
            add(id);
    }
    // Pages not listed follow by order: this language's, then the default
    // language's pages it has no translation of.
    for (const LanguageContent* language : {wanted, fallback})
        if (language)
            for (const Page& page : language->pages)
                add(page.id);
    return tiles;
}

bool Content::IsEmpty() const
{
    for (const LanguageContent& language : languages)
        if (!language.pages.empty() || !language.faq.empty())
            return false;
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] UI strings
//-----------------------------------------------------------------------------

std::string UiString(const Content& content, const std::string& lang, const std::string& key)
{
    for (const std::string& code : {lang, content.config.default_language}) {
        if (const LanguageContent* language = content.Language(code)) {
            auto it = language->ui.find(key);
            if (it != language->ui.end())
                return it->second;
        }
    }
    auto it = DefaultUiStrings().find(key);
    return it != DefaultUiStrings().end() ? it->second : key;
}

std::string FormatUiString(std::string text, const std::map<std::string, std::string>& args)
{
    for (const auto& [name, value] : args) {
        const std::string placeholder = "{" + name + "}";
        for (size_t at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size()))
            text.replace(at, placeholder.size(), value);
    }
    return text;
}

} // namespace ck
