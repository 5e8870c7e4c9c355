// Greedy inline line-breaking over styled runs.
//
// Two passes: Tokenise() cuts the runs into words (a word may span runs, as in
// "**micro**needling") with the spaces that follow each one; Place() puts words
// on lines, carrying a word's trailing spaces only when another word follows
// on the same line.
#include "text/text_layout.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace ck::ui {

namespace {

// A slice of one run's text.
struct Fragment {
    int run = -1;
    size_t begin = 0;
    size_t end = 0;
    float width = 0;
};

struct Word {
    std::vector<Fragment> parts;    // the visible word
    std::vector<Fragment> spaces;   // the spaces after it
    float width = 0;
    float space_width = 0;
    bool hard_break = false;        // a line break, no text
    int break_run = -1;             // the hard-break run (its font sizes an empty line)
};

// Sub-pixel slack: widths are sums of float advances.
constexpr float kEpsilon = 0.01f;

size_t Utf8Length(unsigned char lead)
{
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    if ((lead >> 3) == 0x1E) return 4;
    return 1;   // stray continuation byte: step over it alone
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// After an ASCII hyphen or an en/em dash a line may break.
bool EndsWithBreakableDash(const std::string& text, size_t end)
{
    if (end >= 1 && text[end - 1] == '-')
        return true;
    if (end >= 3 && static_cast<unsigned char>(text[end - 3]) == 0xE2 &&
        static_cast<unsigned char>(text[end - 2]) == 0x80) {
        unsigned char last = static_cast<unsigned char>(text[end - 1]);
        return last == 0x93 || last == 0x94;   // U+2013, U+2014
    }
    return false;
}

// ---------------------------------------------------------------------------
// Tokenise
// ---------------------------------------------------------------------------

class Tokeniser {
public:
    explicit Tokeniser(const std::vector<InlineRun>& runs) : runs_(runs) {}

    std::vector<Word> Run()
    {
        for (int r = 0; r < static_cast<int>(runs_.size()); ++r) {
            const InlineRun& run = runs_[r];
            if (!run.font)
                continue;
            if (run.hard_break) {
                FinishWord();
                Word brk;
                brk.hard_break = true;
                brk.break_run = r;
                words_.push_back(brk);
                continue;
            }
            ScanRun(r);
        }
        FinishWord();
        return std::move(words_);
    }

private:
    void ScanRun(int r)
    {
        const std::string& text = runs_[r].text;
        size_t i = 0;
        while (i < text.size()) {
            bool space = IsSpace(text[i]);
            size_t j = i;
            while (j < text.size() && IsSpace(text[j]) == space)
                j += space ? 1 : Utf8Length(static_cast<unsigned char>(text[j]));
            j = std::min(j, text.size());
            if (space)
                AddSpaces(r, i, j);
            else
                AddText(r, i, j);
            i = j;
        }
    }

    void AddSpaces(int r, size_t begin, size_t end)
    {
        current_.spaces.push_back(Make(r, begin, end));
        current_.space_width += current_.spaces.back().width;
    }

    // Non-space text; splits after dashes that are not the word's first char.
    void AddText(int r, size_t begin, size_t end)
    {
        if (!current_.spaces.empty())
            FinishWord();
        const std::string& text = runs_[r].text;
        size_t start = begin;
        size_t i = begin;
        while (i < end) {
            size_t char_begin = i;
            i = std::min(i + Utf8Length(static_cast<unsigned char>(text[i])), end);
            // "-5" or a lone dash keeps its dash; "skin-care" may break after it.
            bool text_before = char_begin > start || !current_.parts.empty();
            if (i < end && text_before && EndsWithBreakableDash(text, i)) {
                AddPart(r, start, i);
                FinishWord();
                start = i;
            }
        }
        if (start < end)
            AddPart(r, start, end);
    }

    void AddPart(int r, size_t begin, size_t end)
    {
        current_.parts.push_back(Make(r, begin, end));
        current_.width += current_.parts.back().width;
    }

    Fragment Make(int r, size_t begin, size_t end) const
    {
        const std::string& text = runs_[r].text;
        return Fragment{r, begin, end, TextWidth(runs_[r].font, text.data() + begin, text.data() + end)};
    }

    void FinishWord()
    {
        if (!current_.parts.empty() || !current_.spaces.empty())
            words_.push_back(std::move(current_));
        current_ = Word();
    }

    const std::vector<InlineRun>& runs_;
    std::vector<Word> words_;
    Word current_;
};

// ---------------------------------------------------------------------------
// Place
// ---------------------------------------------------------------------------

class Placer {
public:
    Placer(const std::vector<InlineRun>& runs, const InlineOptions& options)
        : runs_(runs), options_(options), x_(options.first_indent) {}

    InlineLayout Run(const std::vector<Word>& words)
    {
        const float width = options_.width;
        for (const Word& word : words) {
            if (word.hard_break) {
                last_font_run_ = word.break_run;
                FinishLine();
                continue;
            }
            if (!word.parts.empty()) {
                float pending = line_.empty() ? 0.0f : pending_width_;
                if (x_ + pending + word.width <= width + kEpsilon) {
                    if (!line_.empty())
                        PlaceAll(pending_spaces_);
                    PlaceAll(word.parts);
                } else {
                    if (!line_.empty())
                        FinishLine();
                    if (x_ + word.width <= width + kEpsilon)
                        PlaceAll(word.parts);
                    else
                        PlaceSplit(word.parts);
                }
                pending_spaces_.clear();
                pending_width_ = 0;
            }
            pending_spaces_.insert(pending_spaces_.end(), word.spaces.begin(), word.spaces.end());
            pending_width_ += word.space_width;
        }
        if (!line_.empty())
            FinishLine();
        return std::move(layout_);
    }

private:
    void PlaceAll(const std::vector<Fragment>& fragments)
    {
        for (const Fragment& f : fragments)
            Place(f);
    }

    void Place(const Fragment& f)
    {
        last_font_run_ = f.run;
        if (!line_.empty() && line_.back().run == f.run && line_.back().end == f.begin) {
            line_.back().end = f.end;
            line_.back().width += f.width;
        } else {
            Fragment placed = f;
            placed_x_.push_back(x_);
            line_.push_back(placed);
        }
        x_ += f.width;
    }

    // A word wider than the line: break it between characters.
    void PlaceSplit(const std::vector<Fragment>& parts)
    {
        for (const Fragment& part : parts) {
            const InlineRun& run = runs_[part.run];
            size_t begin = part.begin;
            while (begin < part.end) {
                size_t end = begin;
                float fitted = 0;
                while (end < part.end) {
                    size_t next = std::min(end + Utf8Length(static_cast<unsigned char>(run.text[end])), part.end);
                    float w = TextWidth(run.font, run.text.data() + begin, run.text.data() + next);
                    if (x_ + w > options_.width + kEpsilon)
                        break;
                    end = next;
                    fitted = w;
                }
                if (end == begin) {
                    if (!line_.empty()) {
                        FinishLine();
                        continue;
                    }
                    // Not even one character fits an empty line: place it
                    // anyway so layout always makes progress.
                    end = std::min(begin + Utf8Length(static_cast<unsigned char>(run.text[begin])), part.end);
                    fitted = TextWidth(run.font, run.text.data() + begin, run.text.data() + end);
                }
                Place(Fragment{part.run, begin, end, fitted});
                begin = end;
                if (begin < part.end)
                    FinishLine();
            }
        }
    }

    void FinishLine()
    {
        LaidLine line;
        line.top = layout_.height;
        float max_size = 0;
        for (size_t i = 0; i < line_.size(); ++i) {
            const Fragment& f = line_[i];
            const InlineRun& run = runs_[f.run];
            line.pieces.push_back(LinePiece{f.run, run.text.substr(f.begin, f.end - f.begin), placed_x_[i], f.width});
            line.width = placed_x_[i] + f.width;
            AddFontMetrics(run.font, &max_size, &line);
        }
        if (line_.empty() && last_font_run_ >= 0)
            AddFontMetrics(runs_[last_font_run_].font, &max_size, &line);
        line.height = std::ceil(max_size * options_.line_spacing);
        float content = line.ascent + line.descent;
        line.baseline = line.top + std::round((line.height - content) * 0.5f + line.ascent);
        layout_.height += line.height;
        layout_.max_right = std::max(layout_.max_right, line.width);
        layout_.lines.push_back(std::move(line));

        line_.clear();
        placed_x_.clear();
        x_ = 0;
        pending_spaces_.clear();
        pending_width_ = 0;
    }

    static void AddFontMetrics(const ImFont* font, float* max_size, LaidLine* line)
    {
        *max_size = std::max(*max_size, font->FontSize);
        // ImGui places glyphs relative to the top of the line with the
        // baseline at round(Ascent) below it.
        line->ascent = std::max(line->ascent, std::round(font->Ascent));
        line->descent = std::max(line->descent, -font->Descent);
    }

    const std::vector<InlineRun>& runs_;
    InlineOptions options_;
    InlineLayout layout_;
    std::vector<Fragment> line_;
    std::vector<float> placed_x_;
    std::vector<Fragment> pending_spaces_;
    float pending_width_ = 0;
    float x_ = 0;
    int last_font_run_ = -1;
};

} // namespace

// ---------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------

float TextWidth(const ImFont* font, const char* begin, const char* end)
{
    if (!font || begin == end)
        return 0.0f;
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, begin, end).x;
}

InlineLayout LayoutInline(const std::vector<InlineRun>& runs, const InlineOptions& options)
{
    std::vector<Word> words = Tokeniser(runs).Run();
    return Placer(runs, options).Run(words);
}

InlineExtent MeasureInline(const std::vector<InlineRun>& runs)
{
    InlineExtent extent;
    float x = 0;
    float pending = 0;
    for (const Word& word : Tokeniser(runs).Run()) {
        if (word.hard_break) {
            x = 0;
            pending = 0;
            continue;
        }
        if (!word.parts.empty()) {
            extent.min_width = std::max(extent.min_width, word.width);
            x += (x > 0 ? pending : 0.0f) + word.width;
            extent.max_width = std::max(extent.max_width, x);
            pending = 0;
        }
        pending += word.space_width;
    }
    return extent;
}

} // namespace ck::ui
