/** Where the chosen theme is kept; absent means "follow the system". */
export const THEME_STORAGE_KEY = 'ihm-theme';
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Runs before the first paint: applies the stored theme so a dark-theme user never sees a white flash. */
export const THEME_SCRIPT = `try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;
