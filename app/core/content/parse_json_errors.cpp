// JSON syntax errors in plain words. The parser says what token it did not
// expect ("unexpected ']'; expected '[', '{', or a literal"); staff need to
// know what they typed wrong and how to fix it ("there is a comma after the
// last question; remove it"), at the place they would look.
#include "content/content_parse_internal.h"
#include <map>
#include <cctype>

namespace ck {

namespace parse_detail {

namespace {

bool Contains(const std::string& text, const char* part)
{
    return text.find(part) != std::string::npos;
}

bool IsJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Offset of the last character before `offset` that is not white space; npos if none.
size_t PreviousToken(const std::string& text, size_t offset)
{
    size_t i = std::min(offset, text.size());
    while (i > 0 && IsJsonSpace(text[i - 1]))
        i--;
    return i == 0 ? std::string::npos : i - 1;
}

// What the items of the list or object at `container` are called, for
// "there is a comma after the last question".
std::string LastItem(const std::string& container, bool in_array, const std::string& last_key)
{
    if (!in_array)
        return last_key.empty() ? "the last entry" : "the last entry (" + Quote(last_key) + ")";
    static const std::map<std::string, std::string> kItems = {
        {"questions", "the last question"}, {"keywords", "the last keyword"}, {"languages", "the last language"},
        {"home_tiles", "the last tile"},    {"sections", "the last section"},
    };
    auto it = kItems.find(container.substr(container.rfind('/') + 1));
    if (it != kItems.end())
        return it->second;
    if (container.compare(0, 10, "/synonyms/") == 0)
        return "the last synonym";
    return "the last item of the list";
}

// The word at `offset`: letters only, for "True" or "yes".
std::string WordAt(const std::string& text, size_t offset)
{
    std::string word;
    for (size_t i = offset; i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])); i++)
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
    return word;
}

} // namespace

JsonSyntaxError PlainJsonError(const JsonErrorContext& at)
{
    const std::string& text = at.text;
    const std::string& what = at.parser_message;
    const size_t offset = std::min(at.offset, text.empty() ? 0 : text.size() - 1);
    const char here = offset < text.size() ? text[offset] : '\0';
    const size_t previous = PreviousToken(text, offset);
    const char before = previous == std::string::npos ? '\0' : text[previous];
    // Where the text in quotes that the lexer gave up in starts (its token
    // spells control characters out, so its length does not say).
    const size_t token_start = text.rfind('"', offset == text.size() - 1 && here == '"' ? offset - 1 : offset);

    if (Contains(what, "unexpected end of input")) {
        if (PreviousToken(text, text.size()) == std::string::npos)
            return {0, "the file is empty; it needs at least { }"};
        return {text.size(), "the file ends before every { and [ is closed; add the missing } or ] at the end"};
    }
    if ((here == ']' || here == '}') && before == ',')
        return {previous, "there is a comma after " + LastItem(at.container, at.in_array, at.last_key)
                              + "; remove it"};
    if (Contains(what, "expected end of input"))
        return {offset, "this comes after the end of the file's outer { }: there is one } or ] too many "
                        "before it, or it should be inside the { }"};
    if (Contains(what, "missing closing quote"))
        return {token_start == std::string::npos ? offset : token_start, "this text has no closing \"; add one at its end"};
    if (Contains(what, "control character U+000A"))
        return {token_start == std::string::npos ? offset : token_start, "this text runs past the end of its line: close it with \" on the same line "
                             "(write \\n for a line break inside it)"};
    if (Contains(what, "control character"))
        return {token_start == std::string::npos ? offset : token_start, "this text holds a tab or another invisible character; type a space instead"};
    if (Contains(what, "after backslash") || Contains(what, "\\u"))
        return {token_start == std::string::npos ? offset : token_start, "a \\ in text starts a code such as \\n (line break) or \\\" (a quote mark); "
                             "write \\\\ for a backslash itself"};
    if (Contains(what, "unexpected ','")) {
        if (before == ',')
            return {offset, "there are two commas in a row; remove one"};
        if (before == ':')
            return {offset, "the value after the : is missing"};
        return {offset, "there is a comma before the first item; remove it"};
    }
    if (Contains(what, "expected ':'"))
        return {offset, "a colon : is missing between the key and its value"};
    if (Contains(what, "invalid literal")) {
        if (here == '\'')
            return {offset, "use double quotes \" around text and keys, not single quotes '"};
        if (here == '/' || here == '#')
            return {offset, "a JSON file cannot hold comments; keep notes in a file such as NOTES.md instead"};
        const std::string word = WordAt(text, offset);
        if (word == "true" || word == "false" || word == "null")
            return {offset, "write " + word + " in small letters"};
        if (!word.empty())
            return {offset, "text needs double quotes around it, such as \"" + text.substr(offset, word.size())
                                + "\""};
        return {offset, "this is not a number as JSON writes them, such as 3, 0.5 or -2"};
    }
    if (Contains(what, "invalid number"))
        return {offset, "this is not a number as JSON writes them, such as 3, 0.5 or -2"};
    if (Contains(what, "expected '}'") || Contains(what, "expected ']'"))
        return {offset, "a comma is missing before this"};
    std::string message = what;
    const size_t column = message.find("column ");
    const size_t colon = column == std::string::npos ? std::string::npos : message.find(": ", column);
    if (colon != std::string::npos)
        message = message.substr(colon + 2);
    return {offset, "this is not valid JSON: " + message};
}

} // namespace parse_detail

} // namespace ck
