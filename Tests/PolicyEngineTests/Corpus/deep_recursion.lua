-- expect: runtime|budget|memory
-- message: stack overflow|instruction budget exhausted|wall-clock deadline exceeded|memory
local M = {}
function M.priority(ctx)
  local function f(n) return 1 + f(n + 1) end return f(1)
end
return M
