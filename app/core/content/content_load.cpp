// LoadContent: the content folder -> Content, plus diagnostics. The folder
// is walked in a fixed order (kiosk.json, then each language's pages and
// files); links and home tiles are checked once every language is in.
//
// Index
//   [SECTION] One language
//   [SECTION] Links and home tiles
//   [SECTION] LoadContent
#include "content/content_load_internal.h"
#include "qr/qr.h"
#include <nlohmann/json.hpp>
#include <algorithm>
#include <system_error>

namespace ck {

namespace load_detail {

//-----------------------------------------------------------------------------
// [SECTION] One language
//-----------------------------------------------------------------------------

void Loader::LoadPages(const std::string& lang, LanguageContent* out)
{
    const std::string folder = lang + "/pages";
    std::map<std::string, std::string> seen;   // page id -> file that defined it
    for (const fs::directory_entry& entry : SortedEntries(root_ / folder)) {
        const fs::path& path = entry.path();
        const std::string relative = folder + "/" + path.filename().string();
        const std::string ext = LowerExtension(path);
        if (IsHidden(path) || IsNote(relative) || ext == ".png" || ext == ".jpg" || ext == ".jpeg"
            || IsVideoFileName(relative) || ext == ".vtt")
            continue;
        if (const std::string reason = UnreadableReason(entry); !reason.empty()) {
            diag_->Warning(Label(relative), 0, 0, reason);
            continue;
        }
        if (ext == ".md" || ext == ".json")
            if (const std::string what = NotAFile(entry); !what.empty()) {
                diag_->Warning(Label(relative), 0, 0, what);
                continue;
            }
        if ((ext != ".md" && ext != ".json") || !IsRegularEntry(entry)) {
            diag_->Warning(Label(relative), 0, 0,
                           "the kiosk ignores this: pages end in .md or .json, pictures in .png or .jpg, "
                           "clips in .mp4, .webm or .mkv");
            continue;
        }
        const std::string id = path.stem().string();
        if (seen.count(id)) {
            diag_->Error(Label(relative), 0, 0, "another page already has the id \"" + id + "\" ("
                                                    + Label(seen[id]) + "); this file is skipped");
            continue;
        }
        SourceFile source{Label(relative), {}};
        std::optional<Page> page;
        if (ReadText(relative, &source.text)) {
            FillClinicValues(&source, lang, ext == ".json");
            page = ext == ".md" ? ParseMarkdownPage(source.text, id, source.label, diag_)
                                : ParseJsonPage(source.text, id, source.label, diag_);
        }
        if (!page) {
            out->failed_pages.push_back(id);
            failed_pages_[lang][id] = relative;
            continue;
        }
        seen[id] = relative;
        page->source = relative;
        ResolveImages(page->doc.blocks, folder, source);
        AttachTakeHomeCode(&*page, lang, source.label);
        out->pages.push_back(std::move(*page));
        page_sources_[lang][id] = std::move(source);
    }
    std::stable_sort(out->pages.begin(), out->pages.end(), [](const Page& a, const Page& b) {
        return a.order != b.order ? a.order < b.order : a.title != b.title ? a.title < b.title : a.id < b.id;
    });
}

// {{clinic.NAME}} filled in from kiosk.json before the file is parsed (in a
// JSON file as JSON text, so a quote in an address cannot break it). A file
// that tells patients to call the clinic needs a number for them to call.
void Loader::FillClinicValues(SourceFile* source, const std::string& lang, bool json)
{
    const KioskConfig& config = content_->config;
    std::map<std::string, std::string> values = ClinicValues(config.clinic_name, config.contact, lang);
    if (json)
        for (auto& [name, value] : values) {
            const std::string quoted = nlohmann::json(value).dump();
            value = quoted.substr(1, quoted.size() - 2);
        }
    // A {{clinic.phone}} without a value is reported where it stands; the
    // check below is for files that ask patients to call in words only.
    const bool uses_values = source->text.find("{{clinic.") != std::string::npos;
    source->text = ExpandClinicValues(source->text, values, source->label, 1, 1, diag_);
    if (!config.contact.phone.empty() || uses_values)
        return;
    const size_t at = FindContactRequest(source->text, lang);
    if (at == std::string::npos)
        return;
    const LineIndex lines(source->text);   // once a file: the fix is in kiosk.json
    diag_->Error(source->label, lines.Line(at), lines.Column(at),
                 "this tells patients to contact the clinic, but kiosk.json has no \"contact\" block with a "
                 "\"phone\": add one, so a patient at home has a number to call (see CONTENT.md)");
}

// The page's "Scan to read this at home" code, encoded here once so drawing
// never does: its own `link:`, else kiosk.json's page_url filled in.
void Loader::AttachTakeHomeCode(Page* page, const std::string& lang, const std::string& label)
{
    const std::string& pattern = content_->config.page_url;
    if (!page->link_given && !pattern.empty()) {
        const std::string url = FillPageUrl(pattern, lang, page->id);
        const std::string problem = QrUrlProblem(url);
        if (problem.empty())
            page->link = url;
        else
            diag_->Warning(label, 0, 0, "the address made from \"page_url\" in kiosk.json for this page: " + problem
                                            + "; the page shows no QR code (give it its own \"link:\")");
    }
    if (!page->link.empty() && IsPlaceholderAddress(page->link))
        diag_->Warning(label, 0, 0, "the take-home address " + page->link + " is a placeholder: patients who scan "
                                        "it reach nothing; give the clinic's own page or a trusted one");
    if (!page->link.empty())
        page->link_qr = EncodeQr(page->link);
}

void Loader::LoadLanguage(const std::string& lang, LanguageContent* out)
{
    out->lang = lang;
    for (const fs::directory_entry& entry : SortedEntries(root_ / lang)) {
        const std::string name = entry.path().filename().string();
        const std::string relative = lang + "/" + name;
        if (IsHidden(entry.path()) || IsNote(relative))
            continue;
        if (const std::string reason = UnreadableReason(entry); !reason.empty()) {
            diag_->Warning(Label(relative), 0, 0, reason);
            continue;
        }
        if (name == "pages" && IsDirectoryEntry(entry)) {
            LoadPages(lang, out);
            continue;
        }
        const bool known = name == "faq.json" || name == "synonyms.json" || name == "ui.json";
        if (known)
            if (const std::string what = NotAFile(entry); !what.empty()) {
                diag_->Warning(Label(relative), 0, 0, what);
                continue;
            }
        if (!known || !IsRegularEntry(entry)) {
            diag_->Warning(Label(relative), 0, 0,
                           "the kiosk ignores this: a language folder holds pages/, faq.json, synonyms.json "
                           "and ui.json");
            continue;
        }
        SourceFile source{Label(relative), {}};
        if (!ReadText(relative, &source.text, name == "faq.json" ? kMaxFaqBytes : kMaxTextBytes)) {
            out->faq_failed = out->faq_failed || name == "faq.json";
            continue;
        }
        if (name == "faq.json") {
            FillClinicValues(&source, lang, true);
            bool loaded = true;
            out->faq = ParseFaq(source.text, source.label, diag_, &loaded);
            out->faq_failed = !loaded;
            for (FaqEntry& faq : out->faq)
                ResolveImages(faq.answer.blocks, lang, source);
            faq_sources_[lang] = std::move(source);
        } else if (name == "synonyms.json") {
            out->synonyms = ParseSynonyms(source.text, source.label, diag_);
        } else {
            out->ui = ParseUiStrings(source.text, source.label, diag_);
        }
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Links and home tiles
//-----------------------------------------------------------------------------

void Loader::CheckLinks(const Document& doc, const std::string& lang, const SourceFile& source, int from_line)
{
    for (const Link& link : doc.links) {
        if (link.kind == LinkKind::External)
            if (const std::string address = TakeHomeAddress(link.href);
                !address.empty() && !content_->address_codes.count(address))
                content_->address_codes[address] = EncodeQr(address);
        if (const std::string failed = FailedFileOf(link, lang); !failed.empty()) {
            Consequence& consequence = consequences_[failed];
            if (consequence.links++ == 0) {
                const Place at = PlaceOf(source, link.href, from_line);
                consequence.first = source.label + (at.line ? ":" + std::to_string(at.line) : std::string());
            }
            continue;
        }
        std::string problem;
        if (link.kind == LinkKind::Page && !content_->FindPage(lang, link.target)) {
            problem = "the link \"" + link.href + "\" goes to a page \"" + link.target + "\" that does not exist";
        } else if (link.kind == LinkKind::Faq && !link.target.empty() && !content_->FindFaq(lang, link.target)) {
            problem = "the link \"" + link.href + "\" goes to a question \"" + link.target + "\" that does not exist";
        } else if (link.kind == LinkKind::Invalid) {
            problem = "the link \"" + link.href + "\" cannot be opened on the kiosk; link to a page id such as "
                      "\"aftercare\" or to a question such as \"faq#does-it-hurt\"";
        }
        if (problem.empty() && IsPlaceholderAddress(link.href) && link.href.find("://") != std::string::npos)
            problem = "the link \"" + link.href + "\" points at a placeholder address; give a real one";
        if (!problem.empty()) {
            const Place at = PlaceOf(source, link.href, from_line);
            diag_->Warning(source.label, at.line, at.column, problem);
        }
    }
}

// A link that finds nothing because the file it goes to did not load is not
// a mistake of its own: it works again once that file is fixed.
std::string Loader::FailedFileOf(const Link& link, const std::string& lang) const
{
    const bool to_page = link.kind == LinkKind::Page && !content_->FindPage(lang, link.target);
    const bool to_faq = link.kind == LinkKind::Faq && !link.target.empty() && !content_->FindFaq(lang, link.target);
    if (!to_page && !to_faq)
        return std::string();
    for (const std::string& in : {lang, content_->config.default_language}) {
        const LanguageContent* language = content_->Language(in);
        if (!language)
            continue;
        if (to_faq && language->faq_failed)
            return in + "/faq.json";
        auto failed = failed_pages_.find(in);
        if (to_page && failed != failed_pages_.end() && failed->second.count(link.target))
            return failed->second.at(link.target);
    }
    return std::string();
}

void Loader::ReportConsequences()
{
    for (const auto& [file, consequence] : consequences_) {
        const std::string links = consequence.links == 1
                                      ? std::string("a link to it does not work")
                                      : GroupDigits(static_cast<size_t>(consequence.links)) + " links to it do not work";
        diag_->Warning(Label(file), 0, 0,
                       "because this file did not load, " + links + " (the first at " + consequence.first
                           + "); fixing the file fixes them");
    }
}

void Loader::CheckHomeTiles(const std::string& kiosk_text)
{
    const std::string default_lang = content_->config.default_language;
    const LineIndex lines(kiosk_text);
    for (const std::string& id : content_->config.home_tiles) {
        if (id == "faq" || content_->FindPage(default_lang, id))
            continue;
        const Place at = PlaceOf(lines, "\"" + id + "\"");
        auto failed = failed_pages_.find(default_lang);
        if (failed != failed_pages_.end() && failed->second.count(id)) {
            Consequence& consequence = consequences_[failed->second.at(id)];
            if (consequence.links++ == 0)
                consequence.first = Label("kiosk.json") + ":" + std::to_string(at.line);
            continue;
        }
        diag_->Warning(Label("kiosk.json"), at.line, at.column,
                       "\"home_tiles\" lists \"" + id + "\", but there is no page with that id in \"" + default_lang
                           + "\"");
    }
}

// "popular_questions": each id must be a question of the default language's
// FAQ (every language shares the ids). An unknown one is an error at its
// place in kiosk.json and is left out; when faq.json did not load, that
// file's error says it all.
void Loader::CheckPopularQuestions(const std::string& kiosk_text)
{
    std::vector<std::string>& ids = content_->config.popular_questions;
    const LanguageContent* lang = content_->Language(content_->config.default_language);
    if (ids.empty() || (lang && lang->faq_failed))
        return;
    const LineIndex lines(kiosk_text);
    const int list_line = std::max(1, PlaceOf(lines, "\"popular_questions\"").line);
    std::vector<std::string> known;
    for (const std::string& id : ids) {
        if (lang && lang->FindFaq(id)) {
            if (std::find(known.begin(), known.end(), id) == known.end())
                known.push_back(id);
            continue;
        }
        const Place at = PlaceOf(lines, "\"" + id + "\"", list_line);
        diag_->Error(Label("kiosk.json"), at.line, at.column,
                     "\"popular_questions\" lists \"" + id + "\", but there is no question with that id in "
                         + Label(content_->config.default_language + "/faq.json") + "; it is left out");
    }
    ids = std::move(known);
}

//-----------------------------------------------------------------------------
// [SECTION] LoadContent
//-----------------------------------------------------------------------------

// Lists the language folders; `*other` gets what else is at the top level,
// for ReportStrayEntries once kiosk.json says which picture is the logo.
std::vector<std::string> Loader::ScanRoot(bool* has_kiosk_json, std::vector<std::string>* other)
{
    std::vector<std::string> folders;
    *has_kiosk_json = false;
    for (const fs::directory_entry& entry : SortedEntries(root_)) {
        const std::string name = entry.path().filename().string();
        if (IsHidden(entry.path()) || IsNote(name))
            continue;
        if (const std::string reason = UnreadableReason(entry); !reason.empty())
            diag_->Warning(Label(name), 0, 0, reason);
        else if (name == "kiosk.json" && IsRegularEntry(entry))
            *has_kiosk_json = true;
        else if (IsDirectoryEntry(entry) && IsLanguageTag(name))
            folders.push_back(name);
        else
            other->push_back(name);
    }
    return folders;
}

// Loads the languages kiosk.json lists (or every folder without a list) and
// leaves config.languages naming only those that loaded.
void Loader::LoadLanguages(const std::vector<std::string>& folders, const std::string& kiosk_text)
{
    KioskConfig& config = content_->config;
    if (config.languages.empty())
        config.languages = folders;
    const LineIndex kiosk_lines(kiosk_text);
    for (const std::string& lang : config.languages) {
        if (std::find(folders.begin(), folders.end(), lang) == folders.end()) {
            const Place at = PlaceOf(kiosk_lines, "\"" + lang + "\"");
            diag_->Error(Label("kiosk.json"), at.line, at.column,
                         "the language \"" + lang + "\" is listed, but there is no folder " + Label(lang));
            continue;
        }
        content_->languages.emplace_back();
        LoadLanguage(lang, &content_->languages.back());
    }
    for (const std::string& lang : folders)
        if (std::find(config.languages.begin(), config.languages.end(), lang) == config.languages.end())
            diag_->Warning(Label(lang), 0, 0,
                           "this language is not in \"languages\" in kiosk.json, so it is not offered");
    config.languages.clear();
    for (const LanguageContent& language : content_->languages)
        config.languages.push_back(language.lang);
    if (!content_->Language(config.default_language) && !content_->languages.empty())
        config.default_language = content_->languages.front().lang;
}

bool Loader::Run()
{
    std::error_code ec;
    const std::string root_label = root_.generic_string();
    if (!fs::is_directory(root_, ec)) {
        const bool exists = fs::exists(root_, ec);
        diag_->Error(root_label, 0, 0,
                     "the content folder \"" + root_label + (exists ? "\" is not a folder" : "\" does not exist")
                         + ": copy the content folder there, or start the kiosk with --content set to where it is");
        return false;
    }
    canonical_root_ = fs::canonical(root_, ec);

    ReadIgnoreList();
    bool has_kiosk_json = false;
    std::vector<std::string> other;
    const std::vector<std::string> folders = ScanRoot(&has_kiosk_json, &other);
    std::string kiosk_text;
    if (has_kiosk_json && ReadText("kiosk.json", &kiosk_text)) {
        content_->config = ParseKioskConfig(kiosk_text, Label("kiosk.json"), diag_);
        ClinicContact& contact = content_->config.contact;
        if (!contact.phone.empty())
            contact.phone_qr = EncodeQr(TelUri(contact.phone));   // made once, never while drawing
        ResolveLogo(kiosk_text);
    } else {
        if (!has_kiosk_json)
            diag_->Warning(Label("kiosk.json"), 0, 0, "there is no kiosk.json; using default settings");
        content_->config.languages.clear();
    }
    // What else is at the top, but for the logo (or the folder it is in).
    const fs::path logo = fs::path(content_->config.logo).lexically_normal();
    for (const std::string& name : other)
        if (logo.empty() || *logo.begin() != name)
            diag_->Warning(Label(name), 0, 0, "the kiosk ignores this: the content folder holds kiosk.json, one "
                                              "folder per language (en, es ...) and the logo kiosk.json names");
    LoadLanguages(folders, kiosk_text);

    // Links are checked once every language is in, so fallbacks count.
    for (const LanguageContent& language : content_->languages) {
        for (const Page& page : language.pages)
            CheckLinks(page.doc, language.lang, page_sources_[language.lang][page.id], 1);
        for (const FaqEntry& entry : language.faq)
            CheckLinks(entry.answer, language.lang, faq_sources_[language.lang], entry.line);
    }
    if (has_kiosk_json) {
        CheckHomeTiles(kiosk_text);
        CheckPopularQuestions(kiosk_text);
    }
    ReportConsequences();
    return true;
}

} // namespace load_detail

LoadResult LoadContent(const std::string& root)
{
    namespace fs = std::filesystem;
    auto content = std::make_shared<Content>();
    content->root = root;
    LoadResult result;
    load_detail::Loader loader(root, content.get(), &result.diagnostics);
    if (loader.Run() && content->IsEmpty())
        result.diagnostics.Error(fs::path(root).generic_string(), 0, 0,
                                 "there is nothing to show patients: add a language folder such as "
                                 + (fs::path(root) / "en" / "pages").generic_string()
                                 + " with at least one page, or a faq.json (see CONTENT.md)");
    result.content = std::move(content);
    return result;
}

} // namespace ck
