// Reading order for read-aloud. See speech_text.h.
#include "document/speech_text.h"

#include <cctype>

namespace ck {

namespace {

// Runs of whitespace (soft and hard line breaks included) become one space;
// nothing leads or trails.
std::string CollapseSpaces(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string SpanText(const std::vector<Span>& spans, const char* joiner)
{
    std::string text;
    for (size_t i = 0; i < spans.size(); i++)
        text += (i > 0 ? joiner : "") + spans[i].text;
    return CollapseSpaces(text);
}

// Appends `text` to `out` after `joiner` when both are non-empty.
void Join(std::string& out, const std::string& text, const char* joiner)
{
    if (text.empty())
        return;
    if (!out.empty())
        out += joiner;
    out += text;
}

// Code lines with a short pause between them; blank lines say nothing.
std::string CodeText(const std::vector<Span>& lines)
{
    std::string text;
    for (const Span& line : lines)
        Join(text, CollapseSpaces(line.text), ", ");
    return text;
}

class SegmentWalker {
public:
    explicit SegmentWalker(std::vector<SpeechSegment>* out) : out_(out) {}

    void Blocks(const std::vector<Block>& blocks)
    {
        for (const Block& block : blocks)
            Visit(block);
    }

private:
    void Emit(const std::string& text, int block)
    {
        if (!text.empty())
            out_->push_back(SpeechSegment{text, block});
    }

    void Visit(const Block& block)
    {
        const int number = next_++;
        switch (block.kind) {
        case BlockKind::Heading:
        case BlockKind::Paragraph:
        case BlockKind::TableCell:   // a stray cell outside a row reads as a paragraph
            Emit(SpanText(block.spans, ""), number);
            Blocks(block.children);
            return;
        case BlockKind::CodeBlock: Emit(CodeText(block.spans), number); return;
        case BlockKind::Image:
        case BlockKind::Video: Emit(CollapseSpaces(block.alt), number); return;
        case BlockKind::ListItem: ListItem(block, number); return;
        case BlockKind::TableRow: TableRow(block, number); return;
        case BlockKind::Rule:
        case BlockKind::HtmlBlock:
            next_ += CountBlocks(block.children);
            return;
        case BlockKind::List:
        case BlockKind::Quote:
        case BlockKind::Table:
            Blocks(block.children);
            return;
        }
    }

    void ListItem(const Block& item, int number)
    {
        std::string text = SpanText(item.spans, "");   // items that hold text directly
        const size_t own = ListItemOwnParagraphs(item);
        for (size_t i = 0; i < own; i++)
            Join(text, SpanText(item.children[i].spans, ""), " ");
        Emit(text, number);
        for (size_t i = 0; i < item.children.size(); i++) {
            if (i < own)
                next_ += 1 + CountBlocks(item.children[i].children);   // read above, numbered all the same
            else
                Visit(item.children[i]);
        }
    }

    void TableRow(const Block& row, int number)
    {
        std::string text;
        for (const Block& cell : row.children)
            Join(text, SpanText(cell.spans, ""), ", ");
        Emit(text, number);
        next_ += CountBlocks(row.children);
    }

    static int CountBlocks(const std::vector<Block>& blocks)
    {
        int count = 0;
        for (const Block& block : blocks)
            count += 1 + CountBlocks(block.children);
        return count;
    }

    std::vector<SpeechSegment>* out_;
    int next_ = 0;
};

void VisitPreOrder(const std::vector<Block>& blocks, const std::function<void(const Block&, int)>& visit, int* next)
{
    for (const Block& block : blocks) {
        visit(block, (*next)++);
        VisitPreOrder(block.children, visit, next);
    }
}

bool SameWords(const std::string& a, const std::string& b)
{
    const std::string x = CollapseSpaces(a), y = CollapseSpaces(b);
    if (x.size() != y.size())
        return false;
    for (size_t i = 0; i < x.size(); i++)
        if (std::tolower(static_cast<unsigned char>(x[i])) != std::tolower(static_cast<unsigned char>(y[i])))
            return false;
    return true;
}

} // namespace

void ForEachBlock(const Document& doc, const std::function<void(const Block&, int)>& visit)
{
    int next = 0;
    VisitPreOrder(doc.blocks, visit, &next);
}

size_t ListItemOwnParagraphs(const Block& item)
{
    size_t count = 0;
    while (count < item.children.size() && item.children[count].kind == BlockKind::Paragraph)
        count++;
    return count;
}

std::vector<SpeechSegment> ReadingSegments(const Document& doc)
{
    std::vector<SpeechSegment> out;
    SegmentWalker(&out).Blocks(doc.blocks);
    return out;
}

Document PageBody(const Page& page)
{
    Document body = page.doc;
    auto& blocks = body.blocks;
    if (!blocks.empty() && blocks.front().kind == BlockKind::Heading && blocks.front().level == 1 &&
        SameWords(SpanText(blocks.front().spans, ""), page.title))
        blocks.erase(blocks.begin());
    return body;
}

// The title (not a block of the document: block -1), then the document's segments.
static std::vector<SpeechSegment> TitledSegments(const std::string& title, const Document& doc)
{
    std::vector<SpeechSegment> out;
    const std::string heading = CollapseSpaces(title);
    if (!heading.empty())
        out.push_back(SpeechSegment{heading, -1});
    for (SpeechSegment& segment : ReadingSegments(doc))
        out.push_back(std::move(segment));
    return out;
}

std::vector<SpeechSegment> PageReadingSegments(const Page& page)
{
    return TitledSegments(page.title, PageBody(page));
}

std::vector<SpeechSegment> FaqReadingSegments(const FaqEntry& entry)
{
    return TitledSegments(entry.question, entry.answer);
}

Reading ReadingFor(const Content& content, const std::string& lang, const std::string& target)
{
    Reading reading;
    bool fell_back = false;
    const size_t colon = target.find(':');
    const std::string kind = target.substr(0, colon);
    const std::string id = colon == std::string::npos ? std::string() : target.substr(colon + 1);
    if (kind == "page") {
        if (const Page* page = content.FindPage(lang, id, &fell_back))
            reading.segments = PageReadingSegments(*page);
    } else if (kind == "faq") {
        if (const FaqEntry* entry = content.FindFaq(lang, id, &fell_back))
            reading.segments = FaqReadingSegments(*entry);
    }
    reading.lang = fell_back ? content.config.default_language : lang;
    return reading;
}

} // namespace ck
