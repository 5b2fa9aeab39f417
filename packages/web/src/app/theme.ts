import type { ThemeConfig } from 'antd'

/**
 * Two complete antd themes. Normal mode is a calm government blue/teal palette with text
 * colours darkened to pass WCAG AA; elder mode (长辈模式) is its own theme, not a zoom: 20 px
 * body text, 48 px controls, near-black text and a dark-blue primary that give ≥ 7:1 (AAA)
 * contrast, thicker borders and focus rings, roomier tables and menus.
 */

const FONT_FAMILY =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Hiragino Sans GB", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'

export const BRAND = {
  navy: '#0d2f52',
  navyDeep: '#0a2540',
  primary: '#1a5fb4',
  teal: '#0b7a75',
}

export const normalTheme: ThemeConfig = {
  cssVar: { key: 'yy' },
  token: {
    fontFamily: FONT_FAMILY,
    colorPrimary: BRAND.primary,
    // antd derives a lighter hover blue, under 4.5:1 behind a primary button's white text: hover
    // and press go darker instead, so a button stays readable under the pointer.
    colorPrimaryHover: '#154d93',
    colorPrimaryActive: '#103d75',
    colorInfo: BRAND.primary,
    colorLink: BRAND.primary,
    colorSuccess: '#237a3b',
    colorWarning: '#a35200',
    colorError: '#c4262e',
    colorText: '#1f2733',
    colorTextHeading: '#14202e',
    colorTextSecondary: '#4a5563',
    colorTextTertiary: '#5c6675',
    colorTextDescription: '#5c6675',
    colorTextPlaceholder: '#6b7483',
    colorBgLayout: '#f2f5f9',
    colorInfoBg: '#eef5fd',
    colorInfoBorder: '#b6d1f2',
    colorWarningBg: '#fff8eb',
    colorWarningBorder: '#f0cd8e',
    colorErrorBg: '#fdf1f1',
    colorErrorBorder: '#efb8bb',
    colorSuccessBg: '#eef8f0',
    colorSuccessBorder: '#b4dcbd',
    colorBorderSecondary: '#e3e8ef',
    borderRadius: 6,
    fontSize: 14,
    wireframe: false,
  },
  components: {
    Layout: {
      siderBg: BRAND.navy,
      headerBg: '#ffffff',
      headerHeight: 60,
      headerPadding: '0 20px',
      bodyBg: '#f2f5f9',
      triggerBg: BRAND.navyDeep,
    },
    Menu: {
      darkItemBg: BRAND.navy,
      darkSubMenuItemBg: BRAND.navyDeep,
      darkPopupBg: BRAND.navy,
      darkItemColor: 'rgba(255,255,255,0.88)',
      darkItemHoverColor: '#ffffff',
      darkItemSelectedBg: BRAND.primary,
      darkItemSelectedColor: '#ffffff',
      darkGroupTitleColor: '#b8c7d9',
      itemHeight: 44,
    },
    Table: {
      headerBg: '#f4f7fb',
      headerColor: '#14202e',
    },
    Card: { headerFontSize: 16 },
  },
}

const ELDER_TEXT = '#000000'
const ELDER_PRIMARY = '#003a8c'
/** Hover and press go darker, as in the normal theme: readable under the pointer. */
const ELDER_PRIMARY_HOVER = '#002766'

export const elderTheme: ThemeConfig = {
  cssVar: { key: 'yy' },
  token: {
    fontFamily: FONT_FAMILY,
    fontSize: 20,
    // Small text is no smaller than body text in elder mode.
    fontSizeSM: 20,
    fontSizeLG: 22,
    fontSizeXL: 24,
    fontSizeHeading1: 38,
    fontSizeHeading2: 32,
    fontSizeHeading3: 28,
    fontSizeHeading4: 24,
    fontSizeHeading5: 22,
    lineHeight: 1.6,
    controlHeight: 48,
    controlHeightSM: 40,
    controlHeightLG: 56,
    controlInteractiveSize: 24,
    colorPrimary: ELDER_PRIMARY,
    colorPrimaryHover: ELDER_PRIMARY_HOVER,
    colorPrimaryActive: '#001d4d',
    colorInfo: ELDER_PRIMARY,
    colorLink: ELDER_PRIMARY,
    colorLinkHover: ELDER_PRIMARY_HOVER,
    colorSuccess: '#135200',
    colorWarning: '#703600',
    colorError: '#a8071a',
    colorText: ELDER_TEXT,
    colorTextHeading: ELDER_TEXT,
    colorTextSecondary: '#1a1a1a',
    colorTextTertiary: '#2e2e2e',
    colorTextQuaternary: '#3d3d3d',
    colorTextDescription: '#2e2e2e',
    colorTextPlaceholder: '#3d3d3d',
    colorIcon: '#1a1a1a',
    colorBorder: '#4d4d4d',
    colorBorderSecondary: '#8c8c8c',
    colorBgLayout: '#f4f4f4',
    colorInfoBg: '#eaf1fc',
    colorInfoBorder: '#003a8c',
    colorWarningBg: '#fff6e5',
    colorWarningBorder: '#703600',
    colorErrorBg: '#fff0f0',
    colorErrorBorder: '#a8071a',
    colorSuccessBg: '#eef8e8',
    colorSuccessBorder: '#135200',
    colorSplit: '#8c8c8c',
    lineWidth: 1,
    lineWidthFocus: 4,
    controlOutlineWidth: 3,
    controlOutline: 'rgba(0, 58, 140, 0.45)',
    borderRadius: 6,
    wireframe: false,
  },
  components: {
    Layout: {
      siderBg: '#001d3d',
      headerBg: '#ffffff',
      headerHeight: 76,
      headerPadding: '0 24px',
      bodyBg: '#f4f4f4',
      triggerBg: '#000f22',
    },
    Menu: {
      darkItemBg: '#001d3d',
      darkSubMenuItemBg: '#000f22',
      darkPopupBg: '#001d3d',
      darkItemColor: '#ffffff',
      darkItemHoverColor: '#ffffff',
      darkItemSelectedBg: '#ffffff',
      darkItemSelectedColor: '#001d3d',
      darkGroupTitleColor: '#e6e6e6',
      itemHeight: 60,
      iconSize: 22,
      fontSize: 20,
    },
    Table: {
      headerBg: '#e6ecf5',
      headerColor: ELDER_TEXT,
      cellPaddingBlock: 20,
      cellPaddingInline: 16,
      rowHoverBg: '#eef3fb',
      borderColor: '#8c8c8c',
    },
    Button: { fontWeight: 600, contentFontSize: 20, contentFontSizeLG: 22 },
    Switch: { trackHeight: 32, trackMinWidth: 64, handleSize: 28 },
    Pagination: { itemSize: 48 },
    Form: { labelFontSize: 20, verticalLabelPadding: '0 0 8px' },
    Modal: { titleFontSize: 26 },
    Card: { headerFontSize: 24 },
    Tag: { defaultColor: ELDER_TEXT },
    Alert: { withDescriptionPadding: '20px 24px' },
  },
}
