// Parsers for the single files of the content folder.
//
// Index
//   [SECTION] Text helpers (BOM, CRLF, line index, did-you-mean, dates)
//   [SECTION] JSON with positions (nlohmann SAX + a counting iterator)
//   [SECTION] Page fields shared by Markdown and JSON pages
//   [SECTION] kiosk.json
//   [SECTION] Markdown pages (YAML front matter)
//   [SECTION] JSON pages
//   [SECTION] faq.json
//   [SECTION] synonyms.json, ui.json
#include "content/content_parse.h"
#include "document/markdown.h"
#include "qr/qr.h"
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

namespace ck {

using nlohmann::json;

//-----------------------------------------------------------------------------
// [SECTION] Text helpers
//-----------------------------------------------------------------------------

// Drops a UTF-8 byte order mark and turns CRLF into LF. Line numbers are
// unchanged, so positions in the result are positions in the file.
static std::string NormaliseText(std::string_view text)
{
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); i++) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
            continue;
        out += text[i];
    }
    return out;
}

LineIndex::LineIndex(std::string_view text) : text_(text)
{
    line_starts_.push_back(0);
    for (size_t i = 0; i < text.size(); i++)
        if (text[i] == '\n')
            line_starts_.push_back(i + 1);
}

int LineIndex::Line(size_t offset) const
{
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    return static_cast<int>(it - line_starts_.begin());
}

int LineIndex::Column(size_t offset) const
{
    const size_t start = line_starts_[Line(offset) - 1];
    offset = std::min(offset, text_.size());
    int column = 1;
    for (size_t i = start; i < offset; i++)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80)   // skip UTF-8 continuation bytes
            column++;
    return column;
}

size_t LineIndex::Find(std::string_view needle, int from_line) const
{
    if (needle.empty() || from_line < 1 || from_line > static_cast<int>(line_starts_.size()))
        return std::string_view::npos;
    return text_.find(needle, line_starts_[from_line - 1]);
}

int LineIndex::FindLine(std::string_view needle, int from_line) const
{
    const size_t pos = Find(needle, from_line);
    return pos == std::string_view::npos ? 0 : Line(pos);
}

// Optimal string alignment distance: Levenshtein plus swapped neighbours,
// the commonest typo ("titel", "bakc").
int EditDistance(std::string_view a, std::string_view b)
{
    const size_t width = b.size() + 1;
    std::vector<int> d((a.size() + 1) * width);
    auto at = [&](size_t i, size_t j) -> int& { return d[i * width + j]; };
    for (size_t i = 0; i <= a.size(); i++)
        at(i, 0) = static_cast<int>(i);
    for (size_t j = 0; j <= b.size(); j++)
        at(0, j) = static_cast<int>(j);
    for (size_t i = 1; i <= a.size(); i++) {
        for (size_t j = 1; j <= b.size(); j++) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    }
    return at(a.size(), b.size());
}

std::string ClosestMatch(std::string_view word, const std::vector<std::string>& choices)
{
    // A third of the word may be wrong, at most 3 letters: closer than that is a typo,
    // further is a different word.
    const int limit = std::min(3, std::max(1, static_cast<int>(word.size()) / 3));
    std::string best;
    int best_distance = limit + 1;
    for (const std::string& choice : choices) {
        const int d = EditDistance(word, choice);
        if (d < best_distance) {
            best_distance = d;
            best = choice;
        }
    }
    return best;
}

bool IsIsoDate(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9')
            return false;
    const int year = std::stoi(std::string(text.substr(0, 4)));
    const int month = std::stoi(std::string(text.substr(5, 2)));
    const int day = std::stoi(std::string(text.substr(8, 2)));
    static const int days_in_month[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1900 || month < 1 || month > 12 || day < 1)
        return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days_in_month[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool IsLanguageTag(std::string_view text)
{
    // BCP 47 in the shape clinics use: "en", "es", "pt-BR", "zh-Hant".
    size_t i = 0;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])))
        i++;
    if (i < 2 || i > 3)
        return false;
    while (i < text.size()) {
        if (text[i] != '-')
            return false;
        size_t j = ++i;
        while (j < text.size() && std::isalnum(static_cast<unsigned char>(text[j])))
            j++;
        if (j - i < 2 || j - i > 8)
            return false;
        i = j;
    }
    return true;
}

static std::string Quote(std::string_view text)
{
    return "\"" + std::string(text) + "\"";
}

static std::string UnknownKeyMessage(std::string_view key, const std::vector<std::string>& known)
{
    std::string message = "unknown key " + Quote(key) + " is ignored";
    const std::string close = ClosestMatch(key, known);
    if (!close.empty())
        message += " (did you mean " + Quote(close) + "?)";
    return message;
}

static std::string JoinList(const std::vector<std::string>& items)
{
    std::string out;
    for (const std::string& item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

// Shifts the link indexes of `part` and appends its blocks and links to `into`.
static void ShiftLinks(std::vector<Block>& blocks, int offset)
{
    for (Block& block : blocks) {
        for (Span& span : block.spans)
            if (span.link >= 0)
                span.link += offset;
        ShiftLinks(block.children, offset);
    }
}

static void AppendDocument(Document* into, Document part)
{
    ShiftLinks(part.blocks, static_cast<int>(into->links.size()));
    for (Block& block : part.blocks)
        into->blocks.push_back(std::move(block));
    for (Link& link : part.links)
        into->links.push_back(std::move(link));
}

//-----------------------------------------------------------------------------
// [SECTION] JSON with positions
//-----------------------------------------------------------------------------
// nlohmann::json keeps no positions. A SAX handler builds the value while an
// iterator that counts what the lexer has read tells where each object and
// key starts, keyed by JSON pointer ("/questions/3/answer").

namespace {

struct CountingIterator {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    const char* at = nullptr;
    const char* base = nullptr;
    size_t* read = nullptr;     // shared: bytes the lexer has consumed so far

    reference operator*() const { return *at; }
    CountingIterator& operator++()
    {
        ++at;
        *read = static_cast<size_t>(at - base);
        return *this;
    }
    CountingIterator operator++(int)
    {
        CountingIterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const CountingIterator& o) const { return at == o.at; }
    bool operator!=(const CountingIterator& o) const { return at != o.at; }
};

struct JsonFile {
    std::string text;                        // normalised source
    json value;
    std::map<std::string, size_t> offsets;   // JSON pointer -> offset of its key, '{' or '['
    bool ok = false;
};

class PositionSax {
public:
    PositionSax(JsonFile* out, const size_t* read, const std::string& file, Diagnostics* diag)
        : out_(out), read_(read), file_(file), diag_(diag) {}

    bool null() { return Put(json(nullptr)); }
    bool boolean(bool v) { return Put(json(v)); }
    bool number_integer(json::number_integer_t v) { return Put(json(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return Put(json(v)); }
    bool number_float(json::number_float_t v, const json::string_t&) { return Put(json(v)); }
    bool string(json::string_t& v) { return Put(json(std::move(v))); }
    bool binary(json::binary_t&) { return Put(json(nullptr)); }
    bool start_object(size_t) { return Open(json::object()); }
    bool start_array(size_t) { return Open(json::array()); }
    bool end_object() { return Close(); }
    bool end_array() { return Close(); }

    bool key(json::string_t& k)
    {
        const size_t start = KeyStart();
        Frame& frame = stack_.back();
        if (frame.container->contains(k) && diag_) {
            LineIndex lines(out_->text);
            diag_->Warning(file_, lines.Line(start), lines.Column(start),
                           "the key " + Quote(k) + " appears twice; the last one is used");
        }
        key_ = k;
        out_->offsets[frame.pointer + "/" + Escape(k)] = start;
        return true;
    }

    bool parse_error(size_t byte, const std::string& last_token, const nlohmann::detail::exception& ex)
    {
        // `byte` is the last byte read. For an unexpected string or number that
        // is the token's end: point at its start instead, where people look.
        error_offset = byte > 0 ? byte - 1 : 0;
        const std::string& text = out_->text;
        const std::string what_text = ex.what();
        const bool whole_token = what_text.find("unexpected string literal") != std::string::npos
                                 || what_text.find("unexpected number literal") != std::string::npos;
        if (whole_token && !last_token.empty() && last_token.size() <= error_offset + 1
            && text.compare(error_offset + 1 - last_token.size(), last_token.size(), last_token) == 0)
            error_offset = error_offset + 1 - last_token.size();
        std::string what = ex.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error ..."
        const size_t column = what.find("column ");
        const size_t colon = column == std::string::npos ? std::string::npos : what.find(": ", column);
        error_message = colon == std::string::npos ? what : what.substr(colon + 2);
        failed = true;
        return false;
    }

    bool failed = false;
    size_t error_offset = 0;
    std::string error_message;

private:
    struct Frame {
        json* container;
        std::string pointer;
    };

    static std::string Escape(const std::string& key)
    {
        std::string out;
        for (char c : key)
            out += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
        return out;
    }

    // The key's closing quote was the last byte read; walk back to its opening quote.
    size_t KeyStart() const
    {
        const std::string& text = out_->text;
        size_t i = *read_ >= 2 ? *read_ - 2 : 0;
        for (; i > 0; i--) {
            if (text[i] != '"')
                continue;
            size_t backslashes = 0;
            while (backslashes < i && text[i - 1 - backslashes] == '\\')
                backslashes++;
            if (backslashes % 2 == 0)
                break;
        }
        return i;
    }

    // Inserts `value` where the parser is; returns its JSON pointer via `pointer`.
    json* Insert(json value, std::string* pointer)
    {
        if (stack_.empty()) {
            out_->value = std::move(value);
            *pointer = "";
            return &out_->value;
        }
        Frame& frame = stack_.back();
        if (frame.container->is_object()) {
            *pointer = frame.pointer + "/" + Escape(key_);
            json& slot = (*frame.container)[key_];
            slot = std::move(value);
            return &slot;
        }
        *pointer = frame.pointer + "/" + std::to_string(frame.container->size());
        frame.container->push_back(std::move(value));
        return &frame.container->back();
    }

    bool Put(json value)
    {
        std::string pointer;
        const bool in_array = !stack_.empty() && stack_.back().container->is_array();
        Insert(std::move(value), &pointer);
        if (in_array)
            out_->offsets[pointer] = *read_ > 0 ? *read_ - 1 : 0;
        return true;
    }

    bool Open(json empty)
    {
        if (stack_.size() >= 64) {
            failed = true;
            error_offset = *read_ > 0 ? *read_ - 1 : 0;
            error_message = "the file is nested too deeply";
            return false;
        }
        const bool keyed = !stack_.empty() && stack_.back().container->is_object();
        std::string pointer;
        json* slot = Insert(std::move(empty), &pointer);
        if (!keyed)
            out_->offsets[pointer] = *read_ > 0 ? *read_ - 1 : 0;
        stack_.push_back(Frame{slot, pointer});
        return true;
    }

    bool Close()
    {
        stack_.pop_back();
        return true;
    }

    JsonFile* out_;
    const size_t* read_;
    const std::string& file_;
    Diagnostics* diag_;
    std::vector<Frame> stack_;
    std::string key_;
};

} // namespace

// Parses JSON text, reporting a syntax error at its line and column.
static JsonFile ParseJsonWithPositions(std::string_view text, const std::string& file, Diagnostics* diag)
{
    JsonFile out;
    out.text = NormaliseText(text);
    size_t read = 0;
    const char* base = out.text.data();
    CountingIterator first{base, base, &read};
    CountingIterator last{base + out.text.size(), base, &read};
    PositionSax sax(&out, &read, file, diag);
    try {
        out.ok = json::sax_parse(first, last, &sax) && !sax.failed;
    } catch (const std::exception& e) {
        sax.failed = true;
        sax.error_message = e.what();
        sax.error_offset = read;
    }
    if (sax.failed && diag) {
        LineIndex lines(out.text);
        diag->Error(file, lines.Line(sax.error_offset), lines.Column(sax.error_offset),
                    "this is not valid JSON: " + sax.error_message);
    }
    if (!out.ok)
        out.value = json();
    return out;
}

namespace {

// Position lookups and typed reads against one parsed JSON file.
class JsonReader {
public:
    JsonReader(const JsonFile& f, const std::string& file, Diagnostics* diag)
        : f_(f), lines_(f.text), file_(file), diag_(diag) {}

    int Line(const std::string& pointer) const { return lines_.Line(Offset(pointer)); }
    int Column(const std::string& pointer) const { return lines_.Column(Offset(pointer)); }
    void Error(const std::string& pointer, const std::string& message) const
    {
        if (diag_)
            diag_->Error(file_, Line(pointer), Column(pointer), message);
    }
    void Warning(const std::string& pointer, const std::string& message) const
    {
        if (diag_)
            diag_->Warning(file_, Line(pointer), Column(pointer), message);
    }

    // Warns about keys of the object at `pointer` that are not in `known`.
    void CheckKeys(const json& object, const std::string& pointer, const std::vector<std::string>& known) const
    {
        for (auto it = object.begin(); it != object.end(); ++it)
            if (std::find(known.begin(), known.end(), it.key()) == known.end())
                Warning(pointer + "/" + it.key(), UnknownKeyMessage(it.key(), known));
    }

    // Reads a string field; wrong type -> error, `*out` unchanged.
    bool String(const json& object, const std::string& pointer, const char* key, std::string* out) const
    {
        auto it = object.find(key);
        if (it == object.end())
            return false;
        if (!it->is_string()) {
            Error(pointer + "/" + key, Quote(key) + " must be text in quotes");
            return false;
        }
        *out = it->get<std::string>();
        return true;
    }

private:
    size_t Offset(std::string pointer) const
    {
        for (;;) {
            auto it = f_.offsets.find(pointer);
            if (it != f_.offsets.end())
                return it->second;
            const size_t slash = pointer.rfind('/');
            if (slash == std::string::npos)
                return 0;
            pointer.resize(slash);
        }
    }

    const JsonFile& f_;
    LineIndex lines_;
    const std::string& file_;
    Diagnostics* diag_;
};

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Page fields shared by Markdown and JSON pages
//-----------------------------------------------------------------------------

namespace {

struct FieldValue {
    bool is_text = false;       // a string (YAML scalars are always text)
    bool is_integer = false;    // a JSON integer
    std::string text;
    long long integer = 0;
};

struct FieldPlace {
    const std::string& file;
    int line;
    int column;
    Diagnostics* diag;
    void Error(const std::string& m) const { if (diag) diag->Error(file, line, column, m); }
    void Warning(const std::string& m) const { if (diag) diag->Warning(file, line, column, m); }
};

} // namespace

static const std::vector<std::string>& PageKeys()
{
    static const std::vector<std::string> keys = {"title", "summary", "order", "icon", "reviewed", "owner", "link"};
    return keys;
}

static bool ParseWholeNumber(const std::string& text, long long* out)
{
    const char* end = text.data() + text.size();
    auto result = std::from_chars(text.data(), end, *out);
    return result.ec == std::errc() && result.ptr == end && !text.empty();
}

// `link:` given at all, the page decides: "none", empty or a bad address means no QR code.
static void ApplyLinkField(Page* page, const FieldValue& value, const FieldPlace& at)
{
    page->link_given = true;
    page->link.clear();
    if (!value.is_text) {
        at.Error("\"link\" must be a web address such as https://example.org/aftercare, or none; "
                 "the page shows no QR code");
        return;
    }
    if (IsLinkOff(value.text))
        return;
    const std::string problem = QrUrlProblem(value.text);
    if (problem.empty())
        page->link = value.text;
    else
        at.Error("\"link\": " + problem + "; the page shows no QR code");
}

// Applies one front-matter / JSON field to `page`. Returns false for unknown keys.
static bool ApplyPageField(Page* page, const std::string& key, const FieldValue& value, const FieldPlace& at)
{
    if (key == "link") {
        ApplyLinkField(page, value, at);
        return true;
    }
    if (key == "order") {
        long long number = value.integer;
        if (!(value.is_integer || (value.is_text && ParseWholeNumber(value.text, &number)))) {
            at.Error("\"order\" must be a whole number, such as 3; the page goes last");
            return true;
        }
        if (number < -100000 || number > 100000) {
            at.Error("\"order\" must be between -100000 and 100000; the page goes last");
            return true;
        }
        page->order = static_cast<int>(number);
        return true;
    }
    const bool known = std::find(PageKeys().begin(), PageKeys().end(), key) != PageKeys().end();
    if (!known)
        return false;
    if (!value.is_text) {
        at.Error(Quote(key) + " must be text");
        return true;
    }
    if (key == "title") {
        page->title = value.text;
    } else if (key == "summary") {
        page->summary = value.text;
    } else if (key == "owner") {
        page->owner = value.text;
    } else if (key == "icon") {
        const auto& icons = KnownIcons();
        if (value.text.empty() || std::find(icons.begin(), icons.end(), value.text) != icons.end()) {
            page->icon = value.text;
        } else {
            std::string message = "unknown icon " + Quote(value.text);
            const std::string close = ClosestMatch(value.text, icons);
            if (!close.empty())
                message += " (did you mean " + Quote(close) + "?)";
            at.Warning(message + "; the default icon is shown. Choose one of: " + JoinList(icons));
        }
    } else if (key == "reviewed") {
        if (IsIsoDate(value.text))
            page->reviewed = value.text;
        else
            at.Warning("\"reviewed\" must be a real date written YYYY-MM-DD, such as 2026-10-15; "
                       + Quote(value.text) + " is ignored");
    }
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] kiosk.json
//-----------------------------------------------------------------------------

static bool ReadInt(const JsonReader& r, const json& root, const char* key, int low, int high, int* out)
{
    auto it = root.find(key);
    if (it == root.end())
        return false;
    const std::string pointer = std::string("/") + key;
    if (!it->is_number_integer()) {
        r.Error(pointer, Quote(key) + " must be a whole number; using " + std::to_string(*out));
        return false;
    }
    const long long value = it->get<long long>();
    if (value < low || value > high) {
        r.Error(pointer, Quote(key) + " must be between " + std::to_string(low) + " and " + std::to_string(high)
                             + "; using " + std::to_string(*out));
        return false;
    }
    *out = static_cast<int>(value);
    return true;
}

static void ReadBool(const JsonReader& r, const json& root, const char* key, bool* out)
{
    auto it = root.find(key);
    if (it == root.end())
        return;
    if (!it->is_boolean()) {
        r.Error(std::string("/") + key, Quote(key) + " must be true or false; using " + (*out ? "true" : "false"));
        return;
    }
    *out = it->get<bool>();
}

// A list of strings; bad items are reported and left out. False if not a list.
static bool ReadStringList(const JsonReader& r, const json& root, const std::string& key,
                           std::vector<std::string>* out)
{
    auto it = root.find(key);
    if (it == root.end())
        return false;
    const std::string pointer = "/" + key;
    if (!it->is_array()) {
        r.Error(pointer, Quote(key) + " must be a list in square brackets, such as [\"en\", \"es\"]");
        return false;
    }
    out->clear();
    for (size_t i = 0; i < it->size(); i++) {
        const json& item = (*it)[i];
        if (!item.is_string()) {
            r.Error(pointer + "/" + std::to_string(i), "each item of " + Quote(key) + " must be text in quotes");
            continue;
        }
        out->push_back(item.get<std::string>());
    }
    return true;
}

KioskConfig ParseKioskConfig(std::string_view text, const std::string& file, Diagnostics* diag)
{
    KioskConfig config;
    config.languages.clear();
    const JsonFile f = ParseJsonWithPositions(text, file, diag);
    if (!f.ok)
        return config;
    JsonReader r(f, file, diag);
    const json& root = f.value;
    if (!root.is_object()) {
        r.Error("", "kiosk.json must be an object in curly braces { }; using default settings");
        return config;
    }
    static const std::vector<std::string> known = {"clinic_name", "languages", "default_language",
                                                   "idle_timeout_seconds", "home_tiles", "review_period_days",
                                                   "staff_pin_hash", "page_url", "insights_days", "insights"};
    r.CheckKeys(root, "", known);

    std::string name;
    if (r.String(root, "", "clinic_name", &name)) {
        if (name.empty())
            r.Error("/clinic_name", "\"clinic_name\" is empty; using " + Quote(config.clinic_name));
        else
            config.clinic_name = name;
    }

    std::vector<std::string> languages;
    if (ReadStringList(r, root, "languages", &languages)) {
        for (size_t i = 0; i < languages.size(); i++) {
            const std::string& tag = languages[i];
            const std::string pointer = "/languages/" + std::to_string(i);
            if (!IsLanguageTag(tag))
                r.Error(pointer, Quote(tag) + " is not a language tag such as \"en\", \"es\" or \"pt-BR\"");
            else if (std::find(config.languages.begin(), config.languages.end(), tag) != config.languages.end())
                r.Warning(pointer, "the language " + Quote(tag) + " is listed twice");
            else
                config.languages.push_back(tag);
        }
        if (config.languages.empty())
            r.Error("/languages", "\"languages\" lists no usable language; the language folders are used");
    }

    r.String(root, "", "default_language", &config.default_language);
    if (!config.languages.empty()
        && std::find(config.languages.begin(), config.languages.end(), config.default_language)
               == config.languages.end()) {
        r.Error(root.contains("default_language") ? "/default_language" : "",
                "\"default_language\" is " + Quote(config.default_language) + ", which is not in \"languages\"; using "
                    + Quote(config.languages.front()));
        config.default_language = config.languages.front();
    }

    ReadInt(r, root, "idle_timeout_seconds", 15, 3600, &config.idle_timeout_seconds);
    ReadInt(r, root, "review_period_days", 1, 3650, &config.review_period_days);
    ReadInt(r, root, "insights_days", 0, 3650, &config.insights_days);
    bool insights = true;
    ReadBool(r, root, "insights", &insights);
    if (!insights)
        config.insights_days = 0;   // nothing counted, no file written
    ReadStringList(r, root, "home_tiles", &config.home_tiles);
    r.String(root, "", "staff_pin_hash", &config.staff_pin_hash);   // older versions' place for the PIN
    if (root.contains("staff_pin_hash"))
        r.Warning("/staff_pin_hash", "the staff PIN's hash does not belong in the content folder (which may be "
                                     "shared in git): move it with 'carekiosk set-pin'; it still works here for now");
    std::string page_url;
    if (r.String(root, "", "page_url", &page_url) && !page_url.empty()) {
        const std::string problem = PageUrlPatternProblem(page_url);
        if (problem.empty())
            config.page_url = page_url;
        else
            r.Error("/page_url", "\"page_url\": " + problem + "; pages show no QR code");
    }
    return config;
}

//-----------------------------------------------------------------------------
// [SECTION] Markdown pages (YAML front matter)
//-----------------------------------------------------------------------------

static bool IsFenceLine(std::string_view line, bool closing)
{
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t'))
        line.remove_suffix(1);
    return line == "---" || (closing && line == "...");
}

static void ApplyFrontMatter(const YAML::Node& root, Page* page, const std::string& file, Diagnostics* diag)
{
    std::set<std::string> seen;
    for (auto it = root.begin(); it != root.end(); ++it) {
        // yaml-cpp's iterator hands out temporaries: copy the nodes (cheap handles).
        const YAML::Node key_node = it->first;
        const YAML::Node node = it->second;
        const YAML::Mark key_mark = key_node.Mark();
        const std::string key = key_node.IsScalar() ? key_node.Scalar() : std::string();
        // Front matter starts on line 2 of the file; yaml-cpp counts from 0.
        const FieldPlace key_place{file, key_mark.line + 2, key_mark.column + 1, diag};
        if (!seen.insert(key).second)
            key_place.Warning("the key " + Quote(key) + " appears twice; the last one is used");
        const YAML::Mark mark = node.IsNull() ? key_mark : node.Mark();
        const FieldPlace place{file, mark.line + 2, mark.column + 1, diag};
        FieldValue value;
        value.is_text = node.IsScalar() || node.IsNull();
        if (node.IsScalar())
            value.text = node.Scalar();
        if (!ApplyPageField(page, key, value, place))
            key_place.Warning(UnknownKeyMessage(key, PageKeys()));
    }
}

std::optional<Page> ParseMarkdownPage(std::string_view raw, const std::string& id, const std::string& file,
                                      Diagnostics* diag)
{
    const std::string text = NormaliseText(raw);
    Page page;
    page.id = id;

    // Split "---\n<yaml>\n---\n<body>".
    size_t line_end = text.find('\n');
    if (!IsFenceLine(std::string_view(text).substr(0, line_end), false)) {
        if (diag)
            diag->Error(file, 1, 1, "the page has no title: start the file with a line \"---\", then "
                                    "\"title: ...\", then another \"---\"");
        return std::nullopt;
    }
    size_t yaml_start = line_end == std::string::npos ? text.size() : line_end + 1;
    size_t pos = yaml_start;
    int line = 2;
    size_t yaml_end = std::string::npos;
    while (pos < text.size()) {
        const size_t end = std::min(text.find('\n', pos), text.size());
        if (IsFenceLine(std::string_view(text).substr(pos, end - pos), true)) {
            yaml_end = pos;
            pos = end < text.size() ? end + 1 : end;
            break;
        }
        pos = end + 1;
        line++;
    }
    if (yaml_end == std::string::npos) {
        if (diag)
            diag->Error(file, 1, 1, "the front matter that starts on line 1 has no closing \"---\" line");
        return std::nullopt;
    }
    const int closing_line = line;

    try {
        const YAML::Node root = YAML::Load(text.substr(yaml_start, yaml_end - yaml_start));
        if (root.IsMap()) {
            ApplyFrontMatter(root, &page, file, diag);
        } else if (!root.IsNull() && diag) {
            diag->Error(file, 2, 1, "the front matter must be lines of \"key: value\", such as \"title: Aftercare\"");
        }
    } catch (const YAML::Exception& e) {
        if (diag)
            diag->Error(file, e.mark.line + 2, e.mark.column + 1,
                        "the front matter is not valid YAML: " + e.msg);
        return std::nullopt;
    }

    if (page.title.empty()) {
        if (diag)
            diag->Error(file, 1, 1, "the page has no title: add a line \"title: ...\" to the front matter");
        return std::nullopt;
    }

    const std::string_view body = std::string_view(text).substr(pos);
    if (body.find_first_not_of(" \t\n") == std::string_view::npos && diag)
        diag->Warning(file, closing_line, 1, "the page has no text below the front matter");
    page.doc = ParseMarkdown(body, diag, file, closing_line + 1);
    return page;
}

//-----------------------------------------------------------------------------
// [SECTION] JSON pages
//-----------------------------------------------------------------------------

static void ReadSections(const JsonReader& r, const json& sections, const std::string& file, Diagnostics* diag,
                         Document* doc)
{
    static const std::vector<std::string> known = {"heading", "body"};
    for (size_t i = 0; i < sections.size(); i++) {
        const std::string pointer = "/sections/" + std::to_string(i);
        const json& section = sections[i];
        if (!section.is_object()) {
            r.Error(pointer, "each section must be {\"heading\": ..., \"body\": ...}; this one is skipped");
            continue;
        }
        r.CheckKeys(section, pointer, known);
        std::string heading, body;
        if (r.String(section, pointer, "heading", &heading) && !heading.empty()) {
            Block block;
            block.kind = BlockKind::Heading;
            block.level = 2;
            block.spans.push_back(Span{heading, Style_None, -1});
            doc->blocks.push_back(std::move(block));
        }
        if (r.String(section, pointer, "body", &body))
            AppendDocument(doc, ParseMarkdown(body, diag, file, r.Line(pointer + "/body")));
        else if (!section.contains("body"))
            r.Warning(pointer, "this section has no \"body\"");
    }
}

std::optional<Page> ParseJsonPage(std::string_view text, const std::string& id, const std::string& file,
                                  Diagnostics* diag)
{
    const JsonFile f = ParseJsonWithPositions(text, file, diag);
    if (!f.ok)
        return std::nullopt;
    JsonReader r(f, file, diag);
    const json& root = f.value;
    if (!root.is_object()) {
        r.Error("", "a JSON page must be an object in curly braces { } with a \"title\"");
        return std::nullopt;
    }
    Page page;
    page.id = id;
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key() == "sections")
            continue;
        const std::string pointer = "/" + it.key();
        const FieldPlace place{file, r.Line(pointer), r.Column(pointer), diag};
        FieldValue value;
        value.is_text = it->is_string();
        value.is_integer = it->is_number_integer();
        if (value.is_text)
            value.text = it->get<std::string>();
        if (value.is_integer)
            value.integer = it->get<long long>();
        if (!ApplyPageField(&page, it.key(), value, place)) {
            std::vector<std::string> known = PageKeys();
            known.push_back("sections");
            r.Warning(pointer, UnknownKeyMessage(it.key(), known));
        }
    }
    if (page.title.empty()) {
        if (diag)
            diag->Error(file, 1, 1, "the page has no title: add \"title\": \"...\"");
        return std::nullopt;
    }
    auto sections = root.find("sections");
    if (sections != root.end() && !sections->is_array())
        r.Error("/sections", "\"sections\" must be a list in square brackets [ ]");
    else if (sections != root.end())
        ReadSections(r, *sections, file, diag, &page.doc);
    if (page.doc.blocks.empty() && diag)
        diag->Warning(file, 1, 1, "the page has no text: add \"sections\" with a \"body\"");
    return page;
}

//-----------------------------------------------------------------------------
// [SECTION] faq.json
//-----------------------------------------------------------------------------

static bool IsLowerKebab(const std::string& id)
{
    if (id.empty() || id.front() == '-' || id.back() == '-')
        return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    return true;
}

// Reads one questions[i]; nullopt (with an error) when it cannot be shown.
static std::optional<FaqEntry> ReadFaqEntry(const JsonReader& r, const json& item, size_t index,
                                            const std::string& file, Diagnostics* diag)
{
    static const std::vector<std::string> known = {"id", "question", "answer", "keywords"};
    const std::string pointer = "/questions/" + std::to_string(index);
    const std::string label = "question " + std::to_string(index + 1);
    if (!item.is_object()) {
        r.Error(pointer, label + " must be an object in curly braces { }; it is skipped");
        return std::nullopt;
    }
    r.CheckKeys(item, pointer, known);
    FaqEntry entry;
    entry.line = r.Line(pointer);
    bool usable = true;
    for (const char* key : {"id", "question", "answer"}) {
        std::string value;
        const bool present = item.contains(key);
        const bool read = r.String(item, pointer, key, &value);   // reports a wrong type itself
        if (!read || value.empty()) {
            if (!present)
                r.Error(pointer, label + " has no " + Quote(key) + "; it is skipped");
            else if (read)
                r.Error(pointer + "/" + key, label + " has an empty " + Quote(key) + "; it is skipped");
            usable = false;
            continue;
        }
        if (std::string(key) == "id")
            entry.id = value;
        else if (std::string(key) == "question")
            entry.question = value;
        else
            entry.answer_markdown = value;
    }
    if (!usable)
        return std::nullopt;
    if (!IsLowerKebab(entry.id))
        r.Warning(pointer + "/id", "the id " + Quote(entry.id) + " should be lower-case words joined by -");

    auto keywords = item.find("keywords");
    if (keywords != item.end() && !keywords->is_array()) {
        r.Warning(pointer + "/keywords", "\"keywords\" must be a list such as [\"pain\", \"sore\"]; it is ignored");
    } else if (keywords != item.end()) {
        for (size_t k = 0; k < keywords->size(); k++) {
            if ((*keywords)[k].is_string())
                entry.keywords.push_back((*keywords)[k].get<std::string>());
            else
                r.Warning(pointer + "/keywords/" + std::to_string(k), "each keyword must be text in quotes");
        }
    }
    entry.answer = ParseMarkdown(entry.answer_markdown, diag, file, r.Line(pointer + "/answer"));
    return entry;
}

std::vector<FaqEntry> ParseFaq(std::string_view text, const std::string& file, Diagnostics* diag)
{
    std::vector<FaqEntry> entries;
    const JsonFile f = ParseJsonWithPositions(text, file, diag);
    if (!f.ok)
        return entries;
    JsonReader r(f, file, diag);
    const json& root = f.value;
    if (!root.is_object() || !root.contains("questions") || !root["questions"].is_array()) {
        r.Error(root.is_object() && root.contains("questions") ? "/questions" : "",
                "faq.json must look like {\"questions\": [ ... ]}");
        return entries;
    }
    r.CheckKeys(root, "", {"questions"});
    const json& questions = root["questions"];
    std::map<std::string, int> first_line;
    for (size_t i = 0; i < questions.size(); i++) {
        std::optional<FaqEntry> entry = ReadFaqEntry(r, questions[i], i, file, diag);
        if (!entry)
            continue;
        auto [it, fresh] = first_line.emplace(entry->id, entry->line);
        if (!fresh) {
            r.Error("/questions/" + std::to_string(i) + "/id",
                    "the id " + Quote(entry->id) + " is already used by the question on line "
                        + std::to_string(it->second) + "; this one is skipped");
            continue;
        }
        entries.push_back(std::move(*entry));
    }
    return entries;
}

//-----------------------------------------------------------------------------
// [SECTION] synonyms.json, ui.json
//-----------------------------------------------------------------------------

std::map<std::string, std::vector<std::string>> ParseSynonyms(std::string_view text, const std::string& file,
                                                              Diagnostics* diag)
{
    std::map<std::string, std::vector<std::string>> synonyms;
    const JsonFile f = ParseJsonWithPositions(text, file, diag);
    if (!f.ok)
        return synonyms;
    JsonReader r(f, file, diag);
    const json& root = f.value;
    if (!root.is_object() || !root.contains("synonyms") || !root["synonyms"].is_object()) {
        r.Error(root.is_object() && root.contains("synonyms") ? "/synonyms" : "",
                "synonyms.json must look like {\"synonyms\": {\"hurt\": [\"pain\", \"sore\"]}}");
        return synonyms;
    }
    r.CheckKeys(root, "", {"synonyms"});
    for (auto it = root["synonyms"].begin(); it != root["synonyms"].end(); ++it) {
        const std::string pointer = "/synonyms/" + it.key();
        if (!it->is_array()) {
            r.Error(pointer, "the synonyms of " + Quote(it.key()) + " must be a list such as [\"pain\"]; skipped");
            continue;
        }
        std::vector<std::string> words;
        for (size_t i = 0; i < it->size(); i++) {
            if ((*it)[i].is_string())
                words.push_back((*it)[i].get<std::string>());
            else
                r.Error(pointer + "/" + std::to_string(i), "each synonym must be text in quotes");
        }
        synonyms[it.key()] = std::move(words);
    }
    return synonyms;
}

static std::set<std::string> Placeholders(const std::string& text)
{
    std::set<std::string> names;
    for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
        const size_t close = text.find('}', open);
        if (close == std::string::npos)
            break;
        names.insert(text.substr(open, close - open + 1));
    }
    return names;
}

std::map<std::string, std::string> ParseUiStrings(std::string_view text, const std::string& file,
                                                  Diagnostics* diag)
{
    std::map<std::string, std::string> strings;
    const JsonFile f = ParseJsonWithPositions(text, file, diag);
    if (!f.ok)
        return strings;
    JsonReader r(f, file, diag);
    const json& root = f.value;
    if (!root.is_object() || !root.contains("strings") || !root["strings"].is_object()) {
        r.Error(root.is_object() && root.contains("strings") ? "/strings" : "",
                "ui.json must look like {\"strings\": {\"back\": \"Back\"}}");
        return strings;
    }
    r.CheckKeys(root, "", {"strings"});
    std::vector<std::string> known;
    for (const auto& [key, value] : DefaultUiStrings())
        known.push_back(key);
    for (auto it = root["strings"].begin(); it != root["strings"].end(); ++it) {
        const std::string pointer = "/strings/" + it.key();
        auto fallback = DefaultUiStrings().find(it.key());
        if (fallback == DefaultUiStrings().end()) {
            r.Warning(pointer, UnknownKeyMessage(it.key(), known));
            continue;
        }
        if (!it->is_string()) {
            r.Error(pointer, Quote(it.key()) + " must be text in quotes; the English text is shown");
            continue;
        }
        const std::string value = it->get<std::string>();
        const std::set<std::string> allowed = Placeholders(fallback->second);
        for (const std::string& name : Placeholders(value))
            if (!allowed.count(name))
                r.Warning(pointer, Quote(name) + " is not filled in by the kiosk here; use "
                                       + (allowed.empty() ? std::string("no {placeholders}")
                                                          : JoinList({allowed.begin(), allowed.end()})));
        strings[it.key()] = value;
    }
    return strings;
}

const std::map<std::string, std::string>& DefaultUiStrings()
{
    static const std::map<std::string, std::string> strings = {
        {"back", "Back"},
        {"home", "Home"},
        {"search", "Search"},
        {"faq_title", "Questions and answers"},
        {"continue", "Continue"},
        {"still_reading", "Are you still reading?"},
        {"idle_countdown", "Returning to the start in {seconds} s"},
        {"no_answer", "No answer found"},
        {"ask_front_desk", "Please ask at the front desk."},
        {"try_these", "You could try:"},
        {"closest_questions", "Closest questions"},
        {"related_questions", "Related questions"},
        {"showing_results_for", "Showing results for"},
        {"text_size", "Text size"},
        {"contrast", "High contrast"},
        {"language", "Language"},
        {"language_name", "English"},
        {"updating", "Information is being updated"},
        {"updating_detail", "Please ask at the front desk."},
        {"touch_to_start", "Touch to learn about microneedling"},
        {"space", "space"},
        {"clear", "Clear"},
        {"search_hint", "Type your question"},
        {"search_suggested", "Popular questions"},
        {"search_preparing", "Preparing search…"},
        {"reviewed_by", "Reviewed by {owner} on {date}"},
        {"reviewed_on", "Reviewed on {date}"},
        {"fallback_note", "This is not yet available in your language."},
        {"read_aloud", "Read aloud"},
        {"stop_reading", "Stop"},
        {"qr_caption", "Scan to read this at home"},
    };
    return strings;
}

} // namespace ck
