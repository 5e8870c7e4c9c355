// Shared by the parsers of single content files (content_parse.cpp and
// parse_*.cpp) only: text clean-up and message wording, JSON with positions,
// and the page fields that Markdown and JSON pages have in common. Each
// parser file then holds one file format.
#pragma once
#include "content/content_parse.h"
#include <nlohmann/json.hpp>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ck {

namespace parse_detail {

using nlohmann::json;

// ---------------------------------------------------------------------------
// [SECTION] Text and messages (content_parse.cpp)
// ---------------------------------------------------------------------------

// Drops a UTF-8 byte order mark and turns CRLF into LF. Line numbers are
// unchanged, so positions in the result are positions in the file.
std::string NormaliseText(std::string_view text);
// `text` in double quotes, as messages show keys and values.
std::string Quote(std::string_view text);
// " (did you mean "title"?)" for a likely typo of one of `choices`, else "".
std::string DidYouMean(std::string_view word, const std::vector<std::string>& choices);
// "unknown key "titel" is ignored (did you mean "title"?)"
std::string UnknownKeyMessage(std::string_view key, const std::vector<std::string>& known);
// "a, b, c"
std::string JoinList(const std::vector<std::string>& items);

// ---------------------------------------------------------------------------
// [SECTION] JSON with positions (parse_json.cpp)
// ---------------------------------------------------------------------------

struct JsonFile {
    std::string text;                        // normalised source
    json value;
    std::map<std::string, size_t> offsets;   // JSON pointer -> offset of its key, '{' or '['
    bool ok = false;
};

// Where the parser gave up, and what it was inside of.
struct JsonErrorContext {
    const std::string& text;
    size_t offset = 0;               // the character the parser did not expect
    size_t read = 0;                 // bytes read when it gave up
    std::string last_token;          // what the lexer read last
    std::string parser_message;      // nlohmann's own words
    std::string container;           // JSON pointer of the innermost open { } or [ ]
    bool in_array = false;           // that container is a [ ] list
    std::string last_key;            // the last key read in it, for an object
};

struct JsonSyntaxError {
    size_t offset = 0;               // where to point: the stray comma, not the ] after it
    std::string message;             // plain English: what is wrong and how to fix it
};

// A syntax error in plain words (parse_json_errors.cpp).
JsonSyntaxError PlainJsonError(const JsonErrorContext& at);

// One JSON file of the content folder, parsed, with position lookups and
// typed reads for its diagnostics. Places are JSON pointers
// ("/questions/3/answer"); one the file does not hold is reported at its
// nearest parent.
class JsonReader {
public:
    // Parses `text`, reporting a syntax error (and a key given twice) at its
    // line and column; Ok() is false when the text is not JSON.
    JsonReader(std::string_view text, const std::string& file, Diagnostics* diag);
    JsonReader(const JsonReader&) = delete;   // lines_ points into f_.text
    JsonReader& operator=(const JsonReader&) = delete;

    bool Ok() const { return f_.ok; }
    const json& Root() const { return f_.value; }

    int Line(const std::string& pointer) const { return lines_.Line(Offset(pointer)); }
    int Column(const std::string& pointer) const { return lines_.Column(Offset(pointer)); }
    void Error(const std::string& pointer, const std::string& message) const;
    void Warning(const std::string& pointer, const std::string& message) const;

    // Warns about keys of the object at `pointer` that are not in `known`.
    void CheckKeys(const json& object, const std::string& pointer, const std::vector<std::string>& known) const;
    // Reads a string field; wrong type -> error, `*out` unchanged.
    bool String(const json& object, const std::string& pointer, const char* key, std::string* out) const;
    // For files shaped {"<key>": <type>}: that value, or null when the file
    // is not JSON or (with an error showing the expected `shape`) not shaped
    // so. Other top-level keys are warned about.
    const json* TopLevel(const std::string& key, json::value_t type, const std::string& shape) const;

private:
    size_t Offset(std::string pointer) const;

    JsonFile f_;
    LineIndex lines_;
    const std::string& file_;
    Diagnostics* diag_;
};

// ---------------------------------------------------------------------------
// [SECTION] Page fields shared by Markdown and JSON pages (parse_page_fields.cpp)
// ---------------------------------------------------------------------------

struct FieldValue {
    bool is_text = false;       // a string (YAML scalars are always text)
    bool is_integer = false;    // a JSON integer
    std::string text;
    long long integer = 0;
};

// Where a field's value is written, for its diagnostics.
struct FieldPlace {
    const std::string& file;
    int line;
    int column;
    Diagnostics* diag;
    void Error(const std::string& m) const { if (diag) diag->Error(file, line, column, m); }
    void Warning(const std::string& m) const { if (diag) diag->Warning(file, line, column, m); }
};

// The keys a page may have, Markdown front matter and JSON alike.
const std::vector<std::string>& PageKeys();
// Applies one front-matter / JSON field to `page`. Returns false for unknown keys.
bool ApplyPageField(Page* page, const std::string& key, const FieldValue& value, const FieldPlace& at);

} // namespace parse_detail

} // namespace ck
