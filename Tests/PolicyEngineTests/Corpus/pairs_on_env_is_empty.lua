-- expect: decided
-- message: 
local M = {}
function M.priority(ctx)
  for k in pairs(_ENV) do error('sees ' .. tostring(k)) end return { 1, 1 }
end
return M
