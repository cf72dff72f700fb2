import DepotModel

extension LuaValue {
    /// The value as a settings tree (module settings, case expectations); nil for nil and
    /// functions.
    var settingValue: SettingValue? {
        switch self {
        case .nil, .opaque: nil
        case .boolean(let flag): .bool(flag)
        case .integer(let number): .number(Double(number))
        case .number(let number): .number(number)
        case .string(let text): .string(text)
        case .table(let sequence, let fields):
            fields.isEmpty ? .list(sequence.compactMap(\.settingValue)) : .table(fields.compactMapValues(\.settingValue))
        }
    }
}
