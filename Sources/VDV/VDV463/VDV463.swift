/// Namespace of the VDV 463 wire types (docs/vdv.md Part A): the envelope, every payload of the three
/// actions, the charging-request diff and the errors. Names follow the 2.0.0 schemas so a reader
/// can hold the code against the official JSON.
public enum VDV463 {}
