-- Fixture: compiles, but every call fails on line 5 (indexing a field that is nil).
local M = {}

function M.priority(ctx)
  return ctx.depot.nothing.here
end

return M
