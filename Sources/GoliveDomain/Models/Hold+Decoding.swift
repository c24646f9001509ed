extension KeyedDecodingContainer {
    /// Exports written before holds existed have no "holds": they had none. The synthesized
    /// `Account` decoding picks this overload over the generic one.
    public func decode(_ type: [Hold].Type, forKey key: Key) throws -> [Hold] {
        try decodeIfPresent(type, forKey: key) ?? []
    }
}
