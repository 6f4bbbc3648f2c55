// anafanafo ships no types; this is the one call badge-maker itself makes.
declare module 'anafanafo' {
  export default function measure(
    text: string,
    options: { font: '10px Verdana' | 'bold 10px Verdana' | '11px Verdana' | 'bold 11px Helvetica' }
  ): number
}
