// TextureCache across a content swap: pictures whose bytes did not change keep
// their texture (no decode, no upload, no blink); changed, resized, removed
// and unknown ones are freed. Counting upload/release stand in for OpenGL.
#include "widgets/texture_cache.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

using namespace ck;
using namespace ck::ui;

namespace {

std::shared_ptr<const ImageData> Picture(const std::string& key, uint64_t digest, int side = 2)
{
    auto image = std::make_shared<ImageData>();
    image->key = key;
    image->width = image->height = side;
    image->rgba.assign(size_t(side) * side * 4, 200);   // pixels given: no decoding
    image->digest = digest;
    return image;
}

// A cache whose "GL" hands out ids 1, 2, 3 ... and records what is freed.
struct FakeGl {
    TextureCache cache;
    unsigned next = 1;
    std::vector<unsigned> uploaded, released;
    FakeGl()
    {
        cache.upload = [this](const ImageData&) { uploaded.push_back(next); return next++; };
        cache.release = [this](unsigned id) { released.push_back(id); };
    }
    bool Released(unsigned id) const { return std::count(released.begin(), released.end(), id) == 1; }
};

} // namespace

TEST_CASE("A content swap keeps the textures of unchanged pictures and frees the others", "[textures]")
{
    FakeGl gl;
    TextureCache& cache = gl.cache;
    Content before;
    before.images["en/same.png"] = Picture("en/same.png", 11);
    before.images["en/edited.png"] = Picture("en/edited.png", 22);
    before.images["en/resized.png"] = Picture("en/resized.png", 33);
    before.images["en/removed.png"] = Picture("en/removed.png", 44);
    before.images["en/unknown.png"] = Picture("en/unknown.png", 0);   // no digest: never kept
    const unsigned same = cache.Get(before, "en/same.png").id;
    const unsigned edited = cache.Get(before, "en/edited.png").id;
    const unsigned resized = cache.Get(before, "en/resized.png").id;
    const unsigned removed = cache.Get(before, "en/removed.png").id;
    const unsigned unknown = cache.Get(before, "en/unknown.png").id;
    REQUIRE(gl.uploaded.size() == 5);

    Content after;   // new ImageData objects, as a reload makes
    after.images["en/same.png"] = Picture("en/same.png", 11);
    after.images["es/same.png"] = after.images["en/same.png"];   // a second key for the same picture
    after.images["en/edited.png"] = Picture("en/edited.png", 23);
    after.images["en/resized.png"] = Picture("en/resized.png", 33, 4);
    after.images["en/unknown.png"] = Picture("en/unknown.png", 0);
    cache.KeepFor(after);
    CHECK(gl.released.size() == 4);
    CHECK(gl.Released(edited));
    CHECK(gl.Released(resized));
    CHECK(gl.Released(removed));
    CHECK(gl.Released(unknown));
    CHECK_FALSE(gl.Released(same));

    CHECK(cache.Get(after, "en/same.png").id == same);
    CHECK(cache.Get(after, "es/same.png").id == same);
    CHECK(gl.uploaded.size() == 5);   // nothing uploaded again
    const Texture fresh = cache.Get(after, "en/edited.png");
    CHECK(fresh.id == 6);
    CHECK(cache.Get(after, "en/resized.png").width == 4);
    CHECK(gl.uploaded.size() == 7);

    cache.Clear();   // an idle reset frees everything, kept or not
    CHECK(gl.Released(same));
    CHECK(gl.Released(fresh.id));
    CHECK(gl.released.size() == 4 + 3);   // same, edited and resized
}

TEST_CASE("Two pictures with the same bytes in the old content give one texture to the new one", "[textures]")
{
    FakeGl gl;
    TextureCache& cache = gl.cache;
    Content before;
    before.images["a.png"] = Picture("a.png", 7);
    before.images["b.png"] = Picture("b.png", 7);   // not deduplicated by whoever built this
    const unsigned a = cache.Get(before, "a.png").id;
    const unsigned b = cache.Get(before, "b.png").id;
    Content after;
    after.images["a.png"] = Picture("a.png", 7);
    after.images["b.png"] = Picture("b.png", 7);
    cache.KeepFor(after);
    const unsigned kept = cache.Get(after, "a.png").id;
    const unsigned other = cache.Get(after, "b.png").id;
    CHECK((kept == a || kept == b));
    CHECK(other != kept);   // never one GL texture under two owners (it would be freed twice)
    cache.Clear();
    std::vector<unsigned> released = gl.released;
    std::sort(released.begin(), released.end());
    CHECK(std::adjacent_find(released.begin(), released.end()) == released.end());
    CHECK(released.size() == gl.uploaded.size());
}
