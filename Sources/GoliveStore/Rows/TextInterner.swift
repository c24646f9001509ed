/// Texts that come again and again in one read — task titles from the same playbooks, an
/// account's name on each of its rows — made into strings once and shared: an agenda of
/// 90,000 rows at 10,000 accounts otherwise allocated a string for nearly every title.
struct TextInterner {
    private var seen: [UInt64: String] = [:]

    mutating func text(_ bytes: UnsafeRawBufferPointer) -> String {
        // FNV-1a: cheap on short texts, and a collision costs only a string made anew.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        if let known = seen[hash], known.utf8.elementsEqual(bytes) { return known }
        let made = String(decoding: bytes, as: UTF8.self)
        seen[hash] = made
        return made
    }
}
