-- expect: memory
-- message: memory
local M = {}
function M.priority(ctx)
  local t = {} for i = 1, 64 do t[i] = string.rep('z', 1 << 20) end return table.concat(t)
end
return M
