-- Rows rewritten by every result (the schedule, the latest status, the counters, the alert rules' states, the
-- rollups of the current minute and hour) get room on their page, so an update can be a heap-only tuple: no new
-- index entries and dead versions pruned within the page. Full pages (the default) left most of them writing
-- into every index at 2,000 results a second. The small per-integration tables get half a page; the rollups,
-- most of the disk and cold once their bucket closed, a little.
ALTER TABLE "check_schedules" SET (fillfactor = 50);
ALTER TABLE "integration_statuses" SET (fillfactor = 50);
ALTER TABLE "integration_counters" SET (fillfactor = 50);
ALTER TABLE "alert_evaluations" SET (fillfactor = 50);
ALTER TABLE "result_rollups_minute" SET (fillfactor = 85);
ALTER TABLE "result_rollups_hour" SET (fillfactor = 85);
