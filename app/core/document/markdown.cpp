// Markdown -> Document with md4c: HTML entities, the builder's state, and
// ParseMarkdown, which sets the builder up and runs md4c over it. The
// callbacks that build blocks are in markdown_blocks.cpp, those that build
// spans, pictures and text in markdown_inline.cpp.
//
// Index:
//   [SECTION] Text helpers (entities, attributes)
//   [SECTION] Builder state
//   [SECTION] ParseMarkdown
#include "document/markdown_internal.h"
#include "base/utf8.h"
#include <algorithm>
#include <cstring>

// md4c-html exports its entity table lookup but has no header for it.
extern "C" {
struct entity {
    const char* name;
    unsigned codepoints[2];
};
const struct entity* entity_lookup(const char* name, size_t name_size);
}

namespace ck {

// ---------------------------------------------------------------------------
// [SECTION] Text helpers (entities, attributes)
// ---------------------------------------------------------------------------

static unsigned ParseNumericReference(std::string_view digits, int base)
{
    if (digits.empty())
        return kReplacementChar;
    unsigned value = 0;
    for (char c : digits) {
        unsigned digit = 0;
        if (c >= '0' && c <= '9')
            digit = static_cast<unsigned>(c - '0');
        else if (base == 16 && c >= 'a' && c <= 'f')
            digit = static_cast<unsigned>(c - 'a' + 10);
        else if (base == 16 && c >= 'A' && c <= 'F')
            digit = static_cast<unsigned>(c - 'A' + 10);
        else
            return kReplacementChar;
        value = value * static_cast<unsigned>(base) + digit;
        if (value > 0x10FFFF)   // stop before overflow; invalid anyway
            return kReplacementChar;
    }
    return value;
}

std::string DecodeHtmlEntity(std::string_view entity)
{
    std::string out;
    if (entity.size() < 3 || entity.front() != '&' || entity.back() != ';')
        return std::string(entity);
    if (entity[1] == '#') {
        std::string_view body = entity.substr(2, entity.size() - 3);
        int base = 10;
        if (!body.empty() && (body[0] == 'x' || body[0] == 'X')) {
            base = 16;
            body.remove_prefix(1);
        }
        AppendUtf8(out, ParseNumericReference(body, base));   // 0 and invalid -> U+FFFD
        return out;
    }
    const struct entity* known = entity_lookup(entity.data(), entity.size());
    if (!known)
        return std::string(entity);
    AppendUtf8(out, known->codepoints[0]);
    if (known->codepoints[1] != 0)
        AppendUtf8(out, known->codepoints[1]);
    return out;
}

namespace markdown_detail {

// md4c hands attributes (link href, image src) as substrings of mixed types.
std::string DecodeAttribute(const MD_ATTRIBUTE& attribute)
{
    std::string out;
    if (!attribute.text || attribute.size == 0)
        return out;
    for (size_t i = 0; attribute.substr_offsets[i] < attribute.size; i++) {
        const MD_OFFSET begin = attribute.substr_offsets[i];
        const MD_OFFSET end = attribute.substr_offsets[i + 1];
        const std::string_view piece(attribute.text + begin, end - begin);
        switch (attribute.substr_types[i]) {
        case MD_TEXT_ENTITY:   out += DecodeHtmlEntity(piece); break;
        case MD_TEXT_NULLCHAR: AppendUtf8(out, kReplacementChar); break;
        default:               out.append(piece); break;
        }
    }
    return out;
}

// ---------------------------------------------------------------------------
// [SECTION] Builder state
// ---------------------------------------------------------------------------

uint8_t Builder::CurrentStyle() const
{
    uint8_t style = Style_None;
    if (bold > 0)   style |= Style_Bold;
    if (italic > 0) style |= Style_Italic;
    if (strike > 0) style |= Style_Strike;
    if (code > 0)   style |= Style_Code;
    if (!link_stack.empty() && link_stack.back() >= 0)
        style |= Style_Link;
    return style;
}

// md4c reports no positions, but normal text points into the source: the
// first text after a problem gives its line and column.
void Builder::FlushWarnings(const char* at)
{
    if (pending.empty() || !diag)
        return;
    int line = 0;
    int column = 0;
    if (at && at >= source.data() && at <= source.data() + source.size()) {
        const size_t offset = static_cast<size_t>(at - source.data());
        const std::string_view before = source.substr(0, offset);
        const size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
        line = first_line + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
        column = 1 + static_cast<int>(Utf8Length(before.substr(line_start)));
    }
    for (PendingWarning& warning : pending)
        diag->Warning(file, line, column, std::move(warning.message));
    pending.clear();
}

} // namespace markdown_detail

// ---------------------------------------------------------------------------
// [SECTION] ParseMarkdown
// ---------------------------------------------------------------------------

using namespace markdown_detail;

namespace markdown_detail {

unsigned GfmFlags()
{
    // GFM's extensions: tables, ~~strikethrough~~, task lists, and bare web
    // and e-mail addresses recognised as links (shown, never opened).
    return MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_PERMISSIVEAUTOLINKS;
}

Document ParseWithFlags(std::string_view text, unsigned flags, Diagnostics* diag, const std::string& file,
                        int first_line, const MarkdownLimits& limits)
{
    if (text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0)
        text.remove_prefix(3);
    // md4c passes invalid UTF-8 through, and NUL bytes too inside code; clean
    // both once (CommonMark asks for U+FFFD in place of NUL) so every string
    // in the model is valid. Only non-newline bytes change: lines stay put.
    std::string clean = SanitizeUtf8(text);
    for (size_t nul = clean.find('\0'); nul != std::string::npos; nul = clean.find('\0', nul))
        clean.replace(nul, 1, "\xEF\xBF\xBD");

    Builder builder;
    builder.limits = &limits;
    builder.diag = diag;
    builder.file = file;
    builder.first_line = first_line;
    builder.source = clean;
    builder.flags = flags;
    builder.stack.push_back(Frame{MD_BLOCK_DOC, FrameRole::Transparent, &builder.root, false});

    MD_PARSER parser = {};
    parser.flags = flags;
    parser.enter_block = EnterBlock;
    parser.leave_block = LeaveBlock;
    parser.enter_span = EnterSpan;
    parser.leave_span = LeaveSpan;
    parser.text = Text;

    // md4c sizes are 32-bit; content files are far smaller, but never wrap.
    const MD_SIZE size = static_cast<MD_SIZE>(std::min<size_t>(clean.size(), 0xFFFFFFF0u));
    if (md_parse(clean.data(), size, &parser, &builder) != 0 && diag)
        diag->Error(file, 0, 0, "the Markdown could not be read (out of memory?)");
    builder.FlushWarnings(nullptr);

    builder.doc.blocks = std::move(builder.root.children);
    return std::move(builder.doc);
}

} // namespace markdown_detail

Document ParseMarkdown(std::string_view text, Diagnostics* diag, const std::string& file, int first_line,
                       const MarkdownLimits& limits)
{
    return ParseWithFlags(text, GfmFlags(), diag, file, first_line, limits);
}

} // namespace ck
