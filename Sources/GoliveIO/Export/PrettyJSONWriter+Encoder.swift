import Foundation

extension PrettyJSONWriter {
    /// One value being written: what it turned out to be, and, for an object, where each
    /// member's value began (members are written one after another and sorted at the end).
    final class Frame {
        enum Kind {
            case none
            case keyed
            case unkeyed
            case single
        }

        @exclusivity(unchecked) var depth = 0
        @exclusivity(unchecked) var start = 0
        @exclusivity(unchecked) var kind = Kind.none
        /// Each member's key (its place in the writer's table) and where its value begins and
        /// ends (0 while it is the last one written).
        @exclusivity(unchecked) var members: [(key: Int, start: Int, end: Int)] = []
        @exclusivity(unchecked) var count = 0
        @exclusivity(unchecked) var keysAsTheyAre = false

        func reset(depth: Int, start: Int) {
            self.depth = depth
            self.start = start
            kind = .none
            members.removeAll(keepingCapacity: true)
            count = 0
        }
    }

    struct FrameEncoder: Encoder {
        let writer: PrettyJSONWriter
        let frame: Frame
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            frame.kind = .keyed
            return KeyedEncodingContainer(Keyed<Key>(writer: writer, frame: frame))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            frame.kind = .unkeyed
            return Unkeyed(writer: writer, frame: frame)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            frame.kind = .single
            return Single(writer: writer, frame: frame)
        }
    }

    /// Types here never nest containers by hand nor encode floating-point numbers; an export
    /// that met one would be written wrong, so it stops instead.
    static func unsupported(_ what: String) -> EncodingError {
        EncodingError.invalidValue(
            what, EncodingError.Context(codingPath: [], debugDescription: "the export writer does not write \(what)"))
    }

    static func int64<T: BinaryInteger>(_ value: T) throws -> Int64 {
        guard let n = Int64(exactly: value) else { throw unsupported("an integer beyond 64 bits") }
        return n
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let writer: PrettyJSONWriter
        let frame: Frame
        var codingPath: [any CodingKey] { [] }

        private func begin(_ key: Key) {
            let at = writer.bytes.count
            if !frame.members.isEmpty { frame.members[frame.members.count - 1].end = at }
            frame.members.append((writer.key(key.stringValue, asItIs: frame.keysAsTheyAre), at, 0))
        }

        mutating func encodeNil(forKey key: Key) throws {
            begin(key)
            writer.append("null")
        }

        mutating func encode(_ value: Bool, forKey key: Key) throws {
            begin(key)
            writer.append(value ? "true" : "false")
        }

        mutating func encode(_ value: String, forKey key: Key) throws {
            begin(key)
            writer.writeString(value)
        }

        mutating func encode(_ value: Int, forKey key: Key) throws {
            begin(key)
            writer.writeInteger(Int64(value))
        }

        mutating func encode(_ value: Int64, forKey key: Key) throws {
            begin(key)
            writer.writeInteger(value)
        }

        mutating func encode(_ value: Int32, forKey key: Key) throws {
            begin(key)
            writer.writeInteger(Int64(value))
        }

        mutating func encode(_ value: Int8, forKey key: Key) throws {
            begin(key)
            try writer.writeInteger(PrettyJSONWriter.int64(value))
        }

        mutating func encode(_ value: Int16, forKey key: Key) throws {
            begin(key)
            try writer.writeInteger(PrettyJSONWriter.int64(value))
        }

        mutating func encode(_ value: UInt, forKey key: Key) throws {
            begin(key)
            try writer.writeInteger(PrettyJSONWriter.int64(value))
        }

        mutating func encode(_ value: UInt8, forKey key: Key) throws {
            begin(key)
            try writer.writeInteger(PrettyJSONWriter.int64(value))
        }

        mutating func encode(_ value: UInt16, forKey key: Key) throws {
            begin(key)
            try writer.writeInteger(PrettyJSONWriter.int64(value))
        }

        mutating func encode(_ value: UInt32, forKey key: Key) throws {
            begin(key)
            try writer.writeInteger(PrettyJSONWriter.int64(value))
        }

        mutating func encode(_ value: UInt64, forKey key: Key) throws {
            begin(key)
            try writer.writeInteger(PrettyJSONWriter.int64(value))
        }

        mutating func encode(_ value: Double, forKey key: Key) throws {
            throw PrettyJSONWriter.unsupported("a floating-point number")
        }

        mutating func encode(_ value: Float, forKey key: Key) throws {
            throw PrettyJSONWriter.unsupported("a floating-point number")
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            begin(key)
            try writer.write(value, depth: frame.depth + 1)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            preconditionFailure("the export writer does not write nested containers")
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            preconditionFailure("the export writer does not write nested containers")
        }

        mutating func superEncoder() -> any Encoder {
            preconditionFailure("the export writer does not write super encoders")
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            preconditionFailure("the export writer does not write super encoders")
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let writer: PrettyJSONWriter
        let frame: Frame
        var codingPath: [any CodingKey] { [] }
        var count: Int { frame.count }

        private func begin() {
            writer.append(frame.count == 0 ? "[\n" : ",\n")
            frame.count += 1
            writer.indent(frame.depth + 1)
        }

        mutating func encodeNil() throws {
            begin()
            writer.append("null")
        }

        mutating func encode(_ value: String) throws {
            begin()
            writer.writeString(value)
        }

        mutating func encode(_ value: Int64) throws {
            begin()
            writer.writeInteger(value)
        }

        mutating func encode(_ value: Int) throws {
            begin()
            writer.writeInteger(Int64(value))
        }

        mutating func encode(_ value: Int8) throws {
            begin()
            try writer.writeInteger(PrettyJSONWriter.int64(value))
        }

        mutating func encode(_ value: Int16) throws {
            begin()
            try writer.writeInteger(PrettyJSONWriter.int64(value))
        }

        mutating func encode(_ value: UInt) throws {
            begin()
            try writer.writeInteger(PrettyJSONWriter.int64(value))
        }

        mutating func encode(_ value: UInt8) throws {
            begin()
            try writer.writeInteger(PrettyJSONWriter.int64(value))
        }

        mutating func encode(_ value: UInt16) throws {
            begin()
            try writer.writeInteger(PrettyJSONWriter.int64(value))
        }

        mutating func encode(_ value: UInt32) throws {
            begin()
            try writer.writeInteger(PrettyJSONWriter.int64(value))
        }

        mutating func encode(_ value: UInt64) throws {
            begin()
            try writer.writeInteger(PrettyJSONWriter.int64(value))
        }

        mutating func encode(_ value: Int32) throws {
            begin()
            try writer.writeInteger(PrettyJSONWriter.int64(value))
        }

        mutating func encode(_ value: Bool) throws {
            begin()
            writer.append(value ? "true" : "false")
        }

        mutating func encode(_ value: Double) throws {
            throw PrettyJSONWriter.unsupported("a floating-point number")
        }

        mutating func encode(_ value: Float) throws {
            throw PrettyJSONWriter.unsupported("a floating-point number")
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            begin()
            try writer.write(value, depth: frame.depth + 1)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey>
        {
            preconditionFailure("the export writer does not write nested containers")
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            preconditionFailure("the export writer does not write nested containers")
        }

        mutating func superEncoder() -> any Encoder {
            preconditionFailure("the export writer does not write super encoders")
        }
    }

    struct Single: SingleValueEncodingContainer {
        let writer: PrettyJSONWriter
        let frame: Frame
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { writer.append("null") }

        mutating func encode(_ value: Bool) throws { writer.append(value ? "true" : "false") }

        mutating func encode(_ value: String) throws { writer.writeString(value) }

        mutating func encode(_ value: Int) throws { writer.writeInteger(Int64(value)) }

        mutating func encode(_ value: Int64) throws { writer.writeInteger(value) }

        mutating func encode(_ value: Int8) throws { try writer.writeInteger(PrettyJSONWriter.int64(value)) }

        mutating func encode(_ value: Int16) throws { try writer.writeInteger(PrettyJSONWriter.int64(value)) }

        mutating func encode(_ value: UInt) throws { try writer.writeInteger(PrettyJSONWriter.int64(value)) }

        mutating func encode(_ value: UInt8) throws { try writer.writeInteger(PrettyJSONWriter.int64(value)) }

        mutating func encode(_ value: UInt16) throws { try writer.writeInteger(PrettyJSONWriter.int64(value)) }

        mutating func encode(_ value: UInt32) throws { try writer.writeInteger(PrettyJSONWriter.int64(value)) }

        mutating func encode(_ value: UInt64) throws { try writer.writeInteger(PrettyJSONWriter.int64(value)) }

        mutating func encode(_ value: Int32) throws { try writer.writeInteger(PrettyJSONWriter.int64(value)) }

        mutating func encode(_ value: Double) throws { throw PrettyJSONWriter.unsupported("a floating-point number") }

        mutating func encode(_ value: Float) throws { throw PrettyJSONWriter.unsupported("a floating-point number") }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try writer.write(value, depth: frame.depth)
        }
    }
}
