/** The httpOnly cookie that holds the monitor's session token; the browser's scripts never see it. */
export const SESSION_COOKIE = 'ihm_session';
