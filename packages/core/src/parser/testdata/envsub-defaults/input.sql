-- +goose Up
-- +goose ENVSUB ON
SELECT '${UNSET_VAR:-fallback}', '${EMPTY_VAR:-fallback}', '${EMPTY_VAR-fallback}', '${UNSET_VAR-fallback}';
SELECT '${UNSET_VAR:-${APP_ROLE}}', '${UNSET_VAR:-nested ${UNSET_OTHER:-deep}}';
SELECT '[$UNSET_VAR]';
