// Content model: everything the kiosk shows, loaded from the content folder.
// Loading never throws and never fails as a whole: a broken file is reported
// in the diagnostics and skipped, the rest still loads. The loaded Content is
// immutable and shared (std::shared_ptr<const Content>), so a reload can build
// a new one on a background thread and swap it in between frames.
#pragma once
#include "content/clinic_contact.h"
#include "base/diagnostics.h"
#include "document/document.h"
#include "content/webvtt.h"
#include "qr/qr.h"
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ck {

struct KioskConfig {
    std::string clinic_name = "CareKiosk";
    std::vector<std::string> languages = {"en"};   // in the order offered
    std::string default_language = "en";
    int idle_timeout_seconds = 90;
    std::vector<std::string> home_tiles;           // page ids; "faq" is the FAQ screen
    // FAQ ids staff chose for the search screen's "Popular questions", shown
    // after the questions patients opened most (ids the FAQ lacks are dropped at load).
    std::vector<std::string> popular_questions;
    int review_period_days = 365;
    std::string staff_pin_hash;                    // libsodium crypto_pwhash_str; "" = no staff PIN set
    int insights_days = 90;                        // days of use counts kept (core/insights.h); 0 = none recorded
                                                   // ("insights": false in kiosk.json also sets 0)
    std::string page_url;                          // take-home address with {lang} and {page}; "" = none
    ClinicContact contact;                         // how patients reach the clinic (clinic_contact.h)
    std::string logo;                              // "logo": a picture in the content folder, as written; "" = none
    std::string logo_image;                        // its key in Content::images once loaded; "" = none shown
    bool video_sound = false;                      // "video_sound": "on": clips start with their sound on
};

struct Page {
    std::string id;            // file name without extension
    std::string source;        // content-relative path, e.g. "en/pages/aftercare.md"
    std::string title;         // required
    std::string summary;
    int order = 1000;
    std::string icon;          // a name IconCodepoint() knows (content/icon_names.h), or "" (the UI draws a default)
    std::string reviewed;      // "YYYY-MM-DD" or ""
    std::string owner;
    Document doc;
    // "Scan to read this at home": the front matter's `link:`, else (after
    // loading) kiosk.json's page_url filled in; "" = no code on this page.
    std::string link;
    bool link_given = false;   // the page has a `link:` (even "none" or a bad one): page_url is not used
    QrCode link_qr;            // `link` encoded once at load; empty = no code
};

struct FaqEntry {
    std::string id;
    std::string question;
    std::string answer_markdown;
    std::vector<std::string> keywords;
    Document answer;
    int line = 0;              // line in faq.json, for diagnostics
};

struct LanguageContent {
    std::string lang;                                        // "en", "es", "pt-BR" ...
    std::vector<Page> pages;                                 // sorted by (order, title)
    std::vector<FaqEntry> faq;                               // file order
    std::map<std::string, std::vector<std::string>> synonyms; // lay word -> terms
    std::map<std::string, std::string> ui;                   // ui.json strings (no defaults merged)
    // Files that are there but did not load (their errors are reported
    // once): what refers to them is not reported again, item by item.
    bool faq_failed = false;
    std::vector<std::string> failed_pages;                   // page ids

    const Page* FindPage(const std::string& id) const;
    const FaqEntry* FindFaq(const std::string& id) const;
};

// A picture. In Content it is the file's bytes, read and checked (decoded
// once, then the pixels dropped) while loading, with the size it decodes to:
// a folder of photos would otherwise hold hundreds of MB that no screen
// shows. The UI's texture cache decodes it on a worker when a page first
// shows it and uploads it once. DecodeImage (image_decode.h) gives the pixels.
struct ImageData {
    std::string key;           // content-relative path, e.g. "en/pages/needle-depth.png"
    int width = 0;             // after any downscale
    int height = 0;
    std::string encoded;       // PNG/JPEG bytes (in Content)
    std::vector<unsigned char> rgba;   // RGBA8 pixels (from DecodeImage)
    // Hash of `encoded`, set by the loader (0 = not known): after a reload
    // the UI keeps the texture of a picture whose bytes did not change.
    uint64_t digest = 0;
};

// A clip (.mp4, .webm, .mkv) a page shows. Only its name is kept: the
// player and `check` open the file themselves, and a loader never decodes
// video. Captions are small and parsed here, once.
struct VideoData {
    std::string key;           // content-relative path, e.g. "en/pages/healing.mp4"
    std::string path;          // the file, for the player (root joined with key)
    uint64_t bytes = 0;        // its size when loaded
    // Caption tracks beside the clip: "" for "healing.vtt", "es" for
    // "healing.es.vtt". CaptionsFor picks one for a page's language.
    std::map<std::string, Captions> captions;
    std::string poster_key;    // "healing.jpg" or ".png" beside it, in Content::images; "" = the first frame

    // The captions a page in `lang` shows: "<name>.<lang>.vtt", else "<name>.vtt"; null for none.
    const Captions* CaptionsFor(const std::string& lang) const;
};

// Where a page or answer shows a clip, for what `check` says about it.
struct VideoUse {
    std::string key;           // into Content::videos
    std::string src;           // as written
    std::string file;          // the page's name in diagnostics
    int line = 0, column = 0;
};

struct Content {
    std::string root;                    // the content folder as given
    KioskConfig config;
    std::vector<LanguageContent> languages;   // in config.languages order; only folders that exist
    std::map<std::string, std::shared_ptr<const ImageData>> images;
    std::map<std::string, std::shared_ptr<const VideoData>> videos;
    std::vector<VideoUse> video_uses;    // in load order
    // Every web and e-mail address in the text (TakeHomeAddress) -> its QR
    // code, encoded at load: a tap on one shows it, and drawing never encodes.
    std::map<std::string, QrCode> address_codes;

    const LanguageContent* Language(const std::string& lang) const;   // nullptr if absent
    // Page in `lang`, else in the default language (`*fell_back` set true).
    const Page* FindPage(const std::string& lang, const std::string& id, bool* fell_back = nullptr) const;
    const FaqEntry* FindFaq(const std::string& lang, const std::string& id, bool* fell_back = nullptr) const;
    const ImageData* Image(const std::string& key) const;
    const VideoData* Video(const std::string& key) const;   // nullptr if absent
    // Home tiles for `lang`: config.home_tiles first, then the remaining pages by order.
    std::vector<std::string> HomeTiles(const std::string& lang) const;
    // True when there is nothing to show patients (missing/empty folder).
    bool IsEmpty() const;
};

struct LoadResult {
    std::shared_ptr<const Content> content;   // never null
    Diagnostics diagnostics;
};

LoadResult LoadContent(const std::string& root);

// Warnings for pages and questions of the default language that another
// language lacks (patients of that language see the default one instead).
void CheckTranslations(const Content& content, Diagnostics* diag);

// Warnings for pages whose "reviewed" date is more than
// config.review_period_days before `today` ("YYYY-MM-DD").
void CheckReviewDates(const Content& content, const std::string& today, Diagnostics* diag);

// UI string for `key` in `lang` (from ui.json), falling back to the default
// language and then to built-in English. "{name}" placeholders are replaced by
// FormatUiString.
std::string UiString(const Content& content, const std::string& lang, const std::string& key);
std::string FormatUiString(std::string text, const std::map<std::string, std::string>& args);

} // namespace ck
