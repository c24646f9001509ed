import Foundation

extension JSONEncoder {
    /// Stable output: the same data always gives the same bytes. One encoder, made once:
    /// seeding writes one prior per event, and making an encoder each time showed.
    static let sorted: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()
}
