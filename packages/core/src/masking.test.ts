import { describe, expect, it } from 'vitest'
import { maskAddress, maskBankCard, maskIdNumber, maskIdNumberFromParts, maskName, maskPhone } from './masking.js'

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 characters with 8 stars between', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X')
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X')
  })
  it('builds the same mask from the stored parts', () => {
    expect(maskIdNumberFromParts('110105', '002x')).toBe('110105********002X')
  })
  it('stars short values completely', () => {
    expect(maskIdNumber('1234')).toBe('****')
    expect(maskIdNumber('')).toBe('')
  })
})

describe('maskPhone', () => {
  it('shows the first 3 and last 4 digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('138 1234 5678')).toBe('138****5678')
    expect(maskPhone('+8613812345678')).toBe('+86138****5678')
  })
  it('masks the middle of a landline', () => {
    expect(maskPhone('0931-8123456')).toBe('093*****3456')
  })
})

describe('maskName', () => {
  it('masks a two-character name as 张*', () => {
    expect(maskName('张三')).toBe('张*')
  })
  it('masks a three-character name as 张*明', () => {
    expect(maskName('张小明')).toBe('张*明')
  })
  it('keeps first and last character of longer names', () => {
    expect(maskName('欧阳小明')).toBe('欧**明')
    expect(maskName('买买提·艾力')).toBe('买****力')
  })
  it('masks a single character completely', () => {
    expect(maskName('张')).toBe('*')
  })
})

describe('maskAddress', () => {
  it('keeps the address up to the building and hides unit and room', () => {
    expect(maskAddress('甘肃省张掖市甘州区东街街道南关社区幸福小区3号楼2单元501室')).toBe('甘肃省张掖市甘州区东街街道南关社区幸福小区3号楼****')
    expect(maskAddress('辽宁省盘锦市兴隆台区振兴街道阳光花园12栋302')).toBe('辽宁省盘锦市兴隆台区振兴街道阳光花园12栋****')
    expect(maskAddress('金秋小区B座1203室')).toBe('金秋小区B座****')
    expect(maskAddress('红旗小区12号院3号楼4单元101')).toBe('红旗小区12号院3号楼****')
  })
  it('hides the house number of a village address', () => {
    expect(maskAddress('甘州区党寨镇南关村三组15号')).toBe('甘州区党寨镇南关村三组****')
  })
  it('hides the door-plate number on a road', () => {
    expect(maskAddress('伊州区中山路88号')).toBe('伊州区中山路****')
    expect(maskAddress('长春市朝阳区红旗街1088-3')).toBe('长春市朝阳区红旗街****')
  })
  it('hides room details when no building is given', () => {
    expect(maskAddress('幸福小区2单元501室')).toBe('幸福小区****')
  })
  it('leaves an address without house details unchanged', () => {
    expect(maskAddress('甘州区东街街道南关社区')).toBe('甘州区东街街道南关社区')
  })
})

describe('maskBankCard', () => {
  it('shows only the last 4 digits', () => {
    expect(maskBankCard('6222 0212 3456 7890')).toBe('**** 7890')
  })
})
