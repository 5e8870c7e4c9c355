// JSON with positions, for every JSON file of the content folder.
// nlohmann::json keeps no positions. A SAX handler builds the value while an
// iterator that counts what the lexer has read tells where each object and
// key starts, keyed by JSON pointer ("/questions/3/answer"); JsonReader turns
// those into the line and column of each diagnostic.
#include "content/content_parse_internal.h"
#include <algorithm>

namespace ck {
using namespace parse_detail;

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
        frame.last_key = k;
        out_->offsets[frame.pointer + "/" + Escape(k)] = start;
        return true;
    }

    bool parse_error(size_t byte, const std::string& last_token, const nlohmann::detail::exception& ex)
    {
        // `byte` is the last byte read. For an unexpected string or number that
        // is the token's end: point at its start instead, where people look.
        size_t offset = byte > 0 ? byte - 1 : 0;
        const std::string& text = out_->text;
        const std::string what = ex.what();
        const bool whole_token = what.find("unexpected string literal") != std::string::npos
                                 || what.find("unexpected number literal") != std::string::npos;
        if (whole_token && !last_token.empty() && last_token.size() <= offset + 1
            && text.compare(offset + 1 - last_token.size(), last_token.size(), last_token) == 0)
            offset = offset + 1 - last_token.size();
        JsonErrorContext at{text};
        at.offset = offset;
        at.read = byte;
        at.last_token = last_token;
        at.parser_message = what;
        if (!stack_.empty()) {
            at.container = stack_.back().pointer;
            at.in_array = stack_.back().container->is_array();
            at.last_key = stack_.back().last_key;
        }
        const JsonSyntaxError plain = PlainJsonError(at);
        error_offset = plain.offset;
        error_message = plain.message;
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
        std::string last_key;   // of an object: the last key read in it
    };

    static std::string Escape(const std::string& key)
    {
        std::string out;
        for (char c : key)
            out += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
        return out;
    }

    // The closing quote of a key or text was the last byte read; walk back to its opening quote.
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
        const bool text = value.is_string();
        Insert(std::move(value), &pointer);
        if (in_array)
            out_->offsets[pointer] = text ? KeyStart() : *read_ > 0 ? *read_ - 1 : 0;
        return true;
    }

    bool Open(json empty)
    {
        if (stack_.size() >= 64) {
            failed = true;
            error_offset = *read_ > 0 ? *read_ - 1 : 0;
            error_message = "the { } and [ ] go more than 64 levels deep; no content needs that many";
            return false;
        }
        const bool keyed = !stack_.empty() && stack_.back().container->is_object();
        std::string pointer;
        json* slot = Insert(std::move(empty), &pointer);
        if (!keyed)
            out_->offsets[pointer] = *read_ > 0 ? *read_ - 1 : 0;
        stack_.push_back(Frame{slot, pointer, {}});
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

// Parses JSON text, reporting a syntax error at its line and column.
JsonFile ParseJsonWithPositions(std::string_view text, const std::string& file, Diagnostics* diag)
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
                    sax.error_message + " (the file is skipped until then)");
    }
    if (!out.ok)
        out.value = json();
    return out;
}

} // namespace

namespace parse_detail {

JsonReader::JsonReader(std::string_view text, const std::string& file, Diagnostics* diag)
    : f_(ParseJsonWithPositions(text, file, diag)), lines_(f_.text), file_(file), diag_(diag)
{
}

void JsonReader::Error(const std::string& pointer, const std::string& message) const
{
    if (diag_)
        diag_->Error(file_, Line(pointer), Column(pointer), message);
}

void JsonReader::Warning(const std::string& pointer, const std::string& message) const
{
    if (diag_)
        diag_->Warning(file_, Line(pointer), Column(pointer), message);
}

void JsonReader::CheckKeys(const json& object, const std::string& pointer,
                           const std::vector<std::string>& known) const
{
    for (auto it = object.begin(); it != object.end(); ++it)
        if (std::find(known.begin(), known.end(), it.key()) == known.end())
            Warning(pointer + "/" + it.key(), UnknownKeyMessage(it.key(), known));
}

bool JsonReader::String(const json& object, const std::string& pointer, const char* key, std::string* out) const
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

const json* JsonReader::TopLevel(const std::string& key, json::value_t type, const std::string& shape) const
{
    if (!Ok())
        return nullptr;   // already reported
    const json& root = Root();
    auto it = root.find(key);   // end() for anything but an object
    if (it == root.end() || it->type() != type) {
        Error(it == root.end() ? "" : "/" + key, shape);
        return nullptr;
    }
    CheckKeys(root, "", {key});
    return &*it;
}

size_t JsonReader::Offset(std::string pointer) const
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

} // namespace parse_detail

} // namespace ck
