-- expect: compile
-- message: instruction budget exhausted|wall-clock deadline exceeded
while true do end
