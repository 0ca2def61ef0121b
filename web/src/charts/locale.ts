// The ECharts locale for the app's language: ECharts writes its own axis labels (month names on
// time axes, "7月" vs "Jul") and tool texts in it. echarts/core registers 'ZH' and 'EN'.

export type EChartsLocale = 'ZH' | 'EN'

/** 'ZH' for any Chinese locale ("zh-CN"), else 'EN'. */
export function echartsLocale(appLocale: string): EChartsLocale {
  return appLocale.toLowerCase().startsWith('zh') ? 'ZH' : 'EN'
}
